// SpecLsp's own LSP extensions as the client uses them. No `vscode` import, so tests load it too.

export const INSERT_MISSING_SECTIONS_KIND = 'source.speclsp.insertMissingSections';

export const TABLE_OF_CONTENTS_KIND = 'source.speclsp.tableOfContents';

export interface TemplateInfo {
  name: string;
  description?: string;
}

/** Offered when the server does not answer `speclsp/listTemplates`: its built-in templates. */
export const FALLBACK_TEMPLATES: TemplateInfo[] = [
  { name: 'detailed', description: 'Feature specification with requirements, design, testing and rollout' },
  { name: 'lightweight', description: 'Short feature specification' },
  { name: 'package', description: 'Package feature with status, API and usage' },
  { name: 'product', description: 'Product specification with user stories and test scenarios' },
  { name: 'proposal', description: 'Proposal with metadata, motivation and alternatives' },
  { name: 'speckit-spec', description: 'GitHub spec-kit feature spec (specs/NNN-feature/spec.md)' },
  { name: 'speckit-plan', description: 'GitHub spec-kit implementation plan (specs/NNN-feature/plan.md)' },
  { name: 'speckit-tasks', description: 'GitHub spec-kit task list (specs/NNN-feature/tasks.md)' },
  { name: 'speckit-checklist', description: 'GitHub spec-kit checklist (specs/NNN-feature/checklists/*.md)' },
  { name: 'kep', description: 'Kubernetes Enhancement Proposal (keps/sig-*/NNNN-name/README.md)' },
  { name: 'adr', description: "Architecture decision record, Nygard's form (doc/adr/NNNN-title.md)" },
  { name: 'madr', description: 'Markdown Architectural Decision Record (MADR)' },
];

/** `csv-export.md` for "CSV Export": lower case, runs of other characters become one dash. */
export function fileNameForTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'spec'}.md`;
}

/** The `speclsp/newSpec` result: the created file's uri, as a bare string or `{ uri }`. */
export function newSpecResultUri(result: unknown): string | undefined {
  if (typeof result === 'string' && result.length > 0) {
    return result;
  }
  if (typeof result === 'object' && result !== null && typeof (result as { uri?: unknown }).uri === 'string') {
    return (result as { uri: string }).uri;
  }
  return undefined;
}

/** Settings of the `speclsp` section that only the extension reads; the server is not sent them. */
export const CLIENT_ONLY_SETTINGS: readonly string[] = ['server', 'dotnet', 'trace'];

/** The `speclsp` section as the server should see it in a workspace/configuration answer. */
export function serverSettings(section: unknown): unknown {
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    return section;
  }
  return Object.fromEntries(Object.entries(section).filter(([key]) => !CLIENT_ONLY_SETTINGS.includes(key)));
}

/** True for an ATX heading line (`## Scope`): where VS Code's built-in Markdown also answers Find All References. */
export function isHeadingLine(line: string): boolean {
  return /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line);
}

/** A place a references answer lists: the document and the line. */
export interface Place {
  uri: string;
  line: number;
}

/**
 * Our references without the places another provider already lists (same document and line), so that VS Code,
 * which shows every provider's answer together, lists each heading and each link to it once.
 */
export function withoutPlacesListedByOthers<T extends Place>(ours: readonly T[], others: readonly Place[]): T[] {
  const listed = new Set(others.map((place) => `${place.line}\u0000${place.uri}`));
  return ours.filter((place) => !listed.has(`${place.line}\u0000${place.uri}`));
}

/**
 * True when the text before the caret ends in a link destination's fragment, `](file.md#` or `[label]: #…`: where
 * VS Code's built-in Markdown also completes the anchors.
 */
export function isLinkAnchorContext(before: string): boolean {
  return /\]\([^()\s]*#[^()\s#]*$/.test(before) || /^ {0,3}\[[^\]]+\]:[ \t]*[^\s#]*#[^\s#]*$/.test(before);
}

/**
 * Our anchor completions (kind Reference) without those another provider already lists, labelled `#anchor` or
 * `anchor`, so that VS Code, which shows every provider's items together, lists each anchor once.
 */
export function withoutAnchorsListedByOthers<T extends { label: string; kind?: number }>(ours: readonly T[], others: ReadonlySet<string>, referenceKind: number): T[] {
  return ours.filter((item) => item.kind !== referenceKind || !(others.has(`#${item.label}`) || others.has(item.label)));
}

/** The references lens's command: the server sends `[uri, position, locations]` and the client lists them. */
export const SHOW_REFERENCES_COMMAND = 'speclsp.showReferences';

/**
 * Declares in `experimental.commands.commands` (as rust-analyzer's clients do) the server commands this client runs
 * itself, so that the server uses them and does not list them in `executeCommandProvider`, which the language client
 * would register a second time.
 */
export function withClientCommands<T extends { experimental?: unknown }>(capabilities: T, commands: string[]): T {
  const experimental = (typeof capabilities.experimental === 'object' && capabilities.experimental !== null ? capabilities.experimental : {}) as Record<string, unknown>;
  const existing = experimental.commands as { commands?: unknown } | undefined;
  const listed = Array.isArray(existing?.commands) ? (existing.commands as unknown[]).filter((c): c is string => typeof c === 'string') : [];
  return { ...capabilities, experimental: { ...experimental, commands: { commands: [...new Set([...listed, ...commands])] } } };
}
