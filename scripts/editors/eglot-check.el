;;; Batch check of eglot.el against a built server (not part of CI):
;;   SPECLSP_DLL=.../speclsp.dll emacs --batch -l scripts/editors/eglot-check.el examples/csv-export.md
;; Prints the diagnostics eglot received and the labels of a completion request at the end of the file.
(package-initialize)
(require 'markdown-mode)
(load (expand-file-name "eglot.el" (file-name-directory load-file-name)))
(defvar speclsp-check-diagnostics nil)
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (setq speclsp-check-diagnostics (plist-get params :diagnostics)))))
(let* ((file (expand-file-name (car command-line-args-left)))
       (buffer (find-file-noselect file)))
  (setq command-line-args-left nil)
  (with-current-buffer buffer
    (markdown-mode)
    ;; eglot-ensure waits for the command loop, which batch mode has not: start eglot directly.
    (apply #'eglot (eglot--guess-contact))
    (let ((deadline (+ (float-time) 20)))
      (while (and (seq-empty-p speclsp-check-diagnostics) (< (float-time) deadline))
        (accept-process-output nil 0.2)))
    (princ (format "server: %S\n" (process-command (jsonrpc--process (eglot-current-server)))))
    (princ (format "diagnostics: %d\n" (length speclsp-check-diagnostics)))
    (seq-doseq (d speclsp-check-diagnostics)
      (princ (format "  %d: %s %s: %s\n"
                     (1+ (plist-get (plist-get (plist-get d :range) :start) :line))
                     (plist-get d :source) (plist-get d :code) (plist-get d :message))))
    (goto-char (point-max))
    (insert "\n## ")
    (eglot--signal-textDocument/didChange)
    (condition-case err
        (let* ((result (jsonrpc-request (eglot-current-server) :textDocument/completion
                                        (eglot--TextDocumentPositionParams)))
               (items (if (vectorp result) result (plist-get result :items))))
          (princ (format "completion items: %d\n" (length items)))
          (seq-doseq (item (seq-take items 10))
            (princ (format "  %s\n" (plist-get item :label)))))
      (jsonrpc-error (princ (format "completion failed: %S\n" (cdr err)))))
    (set-buffer-modified-p nil)
    (eglot-shutdown (eglot-current-server))))
