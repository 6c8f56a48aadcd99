;;; SpecLsp for Emacs with eglot (Debian 12: emacs 28 + elpa-eglot 1.9 + elpa-markdown-mode).
;; The server: a speclsp.dll run with dotnet (or a `speclsp` executable as the whole command).
(require 'eglot)
(defvar speclsp-dll (or (getenv "SPECLSP_DLL") (expand-file-name "~/.local/share/speclsp/speclsp.dll")))
(add-to-list 'eglot-server-programs `((markdown-mode gfm-mode) . ("dotnet" ,speclsp-dll "lsp")))
;; Answered to the server's workspace/configuration requests (section "speclsp").
(setq-default eglot-workspace-configuration
              '((:speclsp . (:templatesFolder ".spec/templates"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
