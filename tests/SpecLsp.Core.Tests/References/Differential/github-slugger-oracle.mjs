// The oracle of HeadingSlugDifferentialTests: github-slugger (a dev dependency of the repository root) applied
// to rendered heading texts. Reads lines from stdin: "R" starts a new document (fresh slugger), "H<base64 UTF-8>"
// is the rendered text of the next heading; writes one line per heading: "S<base64 UTF-8 of its anchor>".
import GithubSlugger from 'github-slugger'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const out = []
let slugger = new GithubSlugger()
for (const line of Buffer.concat(chunks).toString('utf8').split('\n')) {
  if (line === 'R') {
    slugger = new GithubSlugger()
  } else if (line.startsWith('H')) {
    const text = Buffer.from(line.slice(1), 'base64').toString('utf8')
    out.push('S' + Buffer.from(slugger.slug(text), 'utf8').toString('base64'))
  }
}
process.stdout.write(out.join('\n') + '\n')
