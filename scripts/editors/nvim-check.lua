-- Headless check of nvim-0.7.lua against a built server (not part of CI):
--   SPECLSP_DLL=.../speclsp.dll nvim --headless -u scripts/editors/nvim-check.lua examples/csv-export.md
-- Prints the diagnostics Neovim received and the labels of a completion request at the end of the file.
vim.cmd('filetype on')
dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/nvim-0.7.lua')

local function out(line)
  io.stdout:write(line .. '\n')
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    local attached = vim.wait(20000, function() return next(vim.lsp.buf_get_clients(buf)) ~= nil end, 100)
    out('attached: ' .. tostring(attached) .. ', filetype: ' .. vim.bo[buf].filetype)
    vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 200)
    local diagnostics = vim.diagnostic.get(buf)
    out('diagnostics: ' .. #diagnostics)
    for _, d in ipairs(diagnostics) do
      out(string.format('  %d:%d %s %s: %s', d.lnum + 1, d.col + 1, d.source or '?', d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?', d.message))
    end
    -- A new "## " line at the end, then a completion request there.
    local last = vim.api.nvim_buf_line_count(buf)
    vim.api.nvim_buf_set_lines(buf, last, last, false, { '', '## ' })
    local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = last + 1, character = 3 } }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, 10000) or {}
    for _, response in pairs(responses) do
      local result = response.result or {}
      local items = result.items or result
      out('completion items: ' .. #items)
      for i, item in ipairs(items) do
        if i > 10 then break end
        out('  ' .. item.label)
      end
      if response.err then out('completion error: ' .. vim.inspect(response.err)) end
    end
    vim.cmd('qa!')
  end,
})
