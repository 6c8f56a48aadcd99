-- Headless check of the editing aids in Neovim 0.7 against a built server (not part of CI):
--   cd FOLDER && SPECLSP_DLL=.../speclsp.dll nvim --headless -u .../scripts/editors/nvim-features.lua spec.md
-- FOLDER/spec.md: a spec with FR-001 defined twice and mentioned, and a reference link [..][Retry rules] to its own
-- '## Retry rules' heading with no definition. Prints what 0.7 gets for document highlights, code lenses, the
-- quick fixes of duplicate-id and undefined-reference (applied, then the buffer dumped), and the table-of-contents
-- source action, then quits.
dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/nvim-0.7.lua')

local function out(line)
  io.stdout:write(line .. '\n')
end

local function request(buf, method, params)
  local answers = vim.lsp.buf_request_sync(buf, method, params, 20000) or {}
  for _, answer in pairs(answers) do
    if answer.error then
      out(method .. ' error: ' .. vim.inspect(answer.error))
    end
    return answer.result
  end
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local client = vim.lsp.get_active_clients()[1]
  local caps = client.server_capabilities
  out('advertised: highlight=' .. tostring(caps.documentHighlightProvider) .. ' selection=' .. tostring(caps.selectionRangeProvider)
    .. ' semanticTokens=' .. tostring(caps.semanticTokensProvider ~= nil) .. ' codeLens=' .. tostring(caps.codeLensProvider ~= nil)
    .. ' willRename=' .. tostring(caps.workspace and caps.workspace.fileOperations ~= nil))

  local highlights = request(buf, 'textDocument/documentHighlight', { textDocument = { uri = uri }, position = { line = 7, character = 34 } }) or {}
  for _, h in ipairs(highlights) do
    out(string.format('highlight %d:%d kind %s', h.range.start.line + 1, h.range.start.character + 1, tostring(h.kind)))
  end

  for _, lens in ipairs(request(buf, 'textDocument/codeLens', { textDocument = { uri = uri } }) or {}) do
    out(string.format('lens %d: %s (%s)', lens.range.start.line + 1, lens.command.title, lens.command.command))
  end

  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = code_of(d)
    if code == 'duplicate-id' or code == 'undefined-reference' then
      -- 0.7 keeps the LSP form of a line's diagnostics for code action requests, as vim.lsp.buf.code_action sends them.
      local lsp = vim.tbl_filter(function(l) return l.code == code end, vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum))
      local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
      local actions = request(buf, 'textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = lsp } }) or {}
      for _, action in ipairs(actions) do
        out(string.format('%s at %d: %s', code, d.lnum + 1, action.title))
        if action.edit and (action.title:find('^Renumber') or action.title:find('^Define')) then
          vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        end
      end
    end
  end

  local toc = request(buf, 'textDocument/codeAction', { textDocument = { uri = uri }, range = { start = { line = 1, character = 0 }, ['end'] = { line = 1, character = 0 } }, context = { diagnostics = {}, only = { 'source' } } }) or {}
  for _, action in ipairs(toc) do
    out('source action: ' .. action.title)
    if action.kind == 'source.speclsp.tableOfContents' then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    end
  end

  out('--- buffer after the fixes')
  for _, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    out(line)
  end
  vim.cmd('qa!')
end

local deadline = vim.loop.now() + 60000
local function wait()
  local buf = vim.api.nvim_get_current_buf()
  local ready = false
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == 'duplicate-id' then
      ready = true
    end
  end
  if ready or vim.loop.now() > deadline then
    run()
  else
    vim.defer_fn(wait, 200)
  end
end
vim.defer_fn(wait, 200)
