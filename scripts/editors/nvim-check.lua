-- Headless check of nvim-0.7.lua against a built server (not part of CI):
--   SPECLSP_DLL=.../speclsp.dll nvim --headless -u scripts/editors/nvim-check.lua examples/csv-export.md
-- Prints the diagnostics Neovim received, the labels of a completion request at the end of the file, then
-- completes a section the way a user does (omnifunc: `A<C-x><C-o>` on a new `## ` line, <C-y> on the first
-- item) and dumps the buffer lines it left (NUL bytes show as \0, a newline in a line as \n), and lists the
-- code actions vim.lsp.buf.code_action() offers, in menu order, on the first broken-link, broken-anchor and
-- missing-section diagnostic.
vim.cmd('filetype on')
dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/nvim-0.7.lua')
-- With the default completeopt (menu,preview) a single match is inserted without a menu; menuone shows it.
vim.o.completeopt = 'menuone'

local function out(line)
  io.stdout:write(line .. '\n')
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
end

-- Runs fn once test() holds (or after timeout ms), from the event loop, so that typed keys are processed between.
local function poll(test, timeout, fn)
  local deadline = vim.loop.now() + timeout
  local function tick()
    if test() or vim.loop.now() > deadline then
      fn(test())
    else
      vim.defer_fn(tick, 100)
    end
  end
  vim.defer_fn(tick, 100)
end

local function keys(s)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(s, true, false, true), 'n', false)
end

local function code_actions(buf)
  local diagnostics = vim.diagnostic.get(buf)
  for _, code in ipairs({ 'broken-link', 'broken-anchor', 'missing-section' }) do
    for _, d in ipairs(diagnostics) do
      if code_of(d) == code then
        vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
        local titles
        local select = vim.ui.select
        vim.ui.select = function(items, opts, on_choice)
          titles = {}
          for i, item in ipairs(items) do
            local action = item[2]
            titles[i] = string.format('%d. %s%s%s', i, opts.format_item(item), action.kind and ('  [' .. action.kind .. ']') or '',
              action.isPreferred and '  (preferred)' or '')
          end
          on_choice(nil)
        end
        vim.lsp.buf.code_action()
        vim.wait(10000, function() return titles ~= nil end, 50)
        vim.ui.select = select
        out(string.format('code actions on line %d (%s: %s):', d.lnum + 1, code, d.message))
        for _, t in ipairs(titles or { '(no menu within 10 s)' }) do out('  ' .. t) end
        break
      end
    end
  end
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
      out(string.format('  %d:%d %s %s: %s', d.lnum + 1, d.col + 1, d.source or '?', code_of(d), d.message))
    end
    code_actions(buf)

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
      local first = items[1]
      if first then
        out('first item: filterText=' .. vim.inspect(first.filterText) .. ', insertTextFormat=' .. tostring(first.insertTextFormat) .. ', textEdit=' .. vim.inspect(first.textEdit, { newline = ' ', indent = '' })
          .. ', insertText=' .. vim.inspect(first.insertText) .. ', additionalTextEdits=' .. tostring(first.additionalTextEdits ~= nil)
          .. ', command=' .. vim.inspect(first.command, { newline = ' ', indent = '' }))
      end
      if response.err then out('completion error: ' .. vim.inspect(response.err)) end
    end

    -- The same as a user: omnifunc on that line, accept the first item, leave insert mode.
    local completed
    vim.api.nvim_create_autocmd('CompleteDone', {
      buffer = buf,
      callback = function() completed = vim.deepcopy(vim.v.completed_item) end,
    })
    vim.api.nvim_win_set_cursor(0, { last + 2, 3 })
    keys('A<C-x><C-o>')
    poll(function() return vim.fn.pumvisible() == 1 end, 10000, function(visible)
      local info = vim.fn.complete_info({ 'mode', 'selected', 'items' })
      out(string.format('omnifunc: menu %s, mode %s, %d items, selected %s', visible and 'shown' or 'NOT shown', tostring(info.mode),
        #(info.items or {}), tostring(info.selected)))
      for i, item in ipairs(info.items or {}) do
        if i > 3 then break end
        out(string.format('  item %d: abbr %s, word %s', i, vim.inspect(item.abbr), vim.inspect(item.word)))
      end
      keys(visible and '<C-y><Esc>' or '<Esc>')
      vim.defer_fn(function()
        out('CompleteDone item word: ' .. (completed and vim.inspect(completed.word) or 'none'))
        local lines = vim.api.nvim_buf_get_lines(buf, last, -1, false)
        out(string.format('buffer from line %d on (%d lines):', last + 1, #lines))
        for i, line in ipairs(lines) do
          out(string.format('  %d: %s', last + i, vim.inspect(line)))
        end
        local tmp = vim.fn.tempname()
        vim.cmd('silent write! ' .. vim.fn.fnameescape(tmp))
        local bytes = io.open(tmp, 'rb'):read('*a')
        local _, nuls = bytes:gsub('%z', '')
        local _, doubled = bytes:gsub('## ## ', '')
        out(string.format('written file: %d NUL bytes, %d "## ## "', nuls, doubled))
        vim.cmd('qa!')
      end, 1000)
    end)
  end,
})
