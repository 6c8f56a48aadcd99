-- Headless check of rename in Neovim 0.7 against a built server (not part of CI):
--   cd FOLDER && SPECLSP_DLL=.../speclsp.dll nvim --headless -u .../scripts/editors/nvim-rename.lua payment-retry.md
-- FOLDER holds client-vscode/test/fixtures/editors/payment-retry.md and payment-notes.md (not opened: the server's
-- edit to it is applied to a file Neovim loads for it). Renames FR1 to FR7 on its heading and the heading Goals to
-- Objectives with vim.lsp.buf.rename (prepareRename, rename, 0.7's own apply_workspace_edit), writes every buffer
-- and prints the lines of both files that mention the old or new names, then quits.
dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/nvim-0.7.lua')

local function out(line)
  io.stdout:write(line .. '\n')
end

local function rename(buf, needle, offset, new_name)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      vim.api.nvim_win_set_cursor(0, { i, col - 1 + offset })
      local before = vim.b[buf].changedtick
      vim.lsp.buf.rename(new_name)
      local applied = vim.wait(10000, function() return vim.b[buf].changedtick ~= before end, 50)
      out(string.format('rename %q at %d:%d to %s: %s', needle, i, col + offset, new_name, applied and 'applied' or 'NOTHING CHANGED within 10 s'))
      return
    end
  end
  out('not found: ' .. needle)
end

local function dump(file, pattern)
  for i, line in ipairs(vim.fn.readfile(file)) do
    if line:find(pattern) then
      out(string.format('  %s:%d: %s', file, i, line))
    end
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 200)
    rename(buf, '#### FR1', 5, 'FR7')
    rename(buf, '### Goals', 4, 'Objectives')
    vim.cmd('silent wall')
    for _, file in ipairs({ 'payment-retry.md', 'payment-notes.md' }) do
      dump(file, '[Ff][Rr][17]')
      dump(file, '[Gg]oals')
      dump(file, '[Oo]bjectives')
    end
    vim.cmd('qa!')
  end,
})
