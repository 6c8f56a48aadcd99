;;; Batch check of eglot.el against a built server (not part of CI):
;;   SPECLSP_DLL=.../speclsp.dll emacs --batch -l scripts/editors/eglot-check.el examples/csv-export.md
;; Prints the diagnostics eglot received, the code actions `eglot-code-actions' offers (in menu order, with
;; the default an interactive call would propose) on the first broken-link, broken-anchor and missing-section
;; diagnostic, and the labels of a completion request at the end of the file.
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
    ;; Code actions where the diagnostics are, as M-x eglot-code-actions asks for them (range at point, context
    ;; from Flymake), and again with the diagnostic eglot received in the context (what Flymake would give once
    ;; it has run; a batch Emacs may not have run it yet).
    ;; Flymake runs its backends on a timer a batch Emacs never fires: start it, so that M-x eglot-code-actions
    ;; finds the diagnostics at point as in an interactive session.
    (when (bound-and-true-p flymake-mode)
      (flymake-start)
      (let ((deadline (+ (float-time) 10)))
        (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
          (accept-process-output nil 0.2))))
    (princ (format "flymake-mode: %s, flymake diagnostics: %d\n" (bound-and-true-p flymake-mode) (length (flymake-diagnostics))))
    (dolist (code '("broken-link" "broken-anchor" "missing-section"))
      (let ((d (seq-find (lambda (d) (equal (plist-get d :code) code)) speclsp-check-diagnostics)))
        (when d
          (goto-char (eglot--lsp-position-to-point (plist-get (plist-get d :range) :start)))
          (princ (format "code actions on line %d (%s: %s), flymake diagnostics here: %d\n"
                         (line-number-at-pos) code (plist-get d :message) (length (flymake-diagnostics (point)))))
          (let ((print-actions
                 (lambda (label actions)
                   (let ((i 0))
                     (princ (format "  %s: %d actions\n" label (length actions)))
                     (dolist (a actions)
                       (princ (format "    %d. %s%s%s\n" (setq i (1+ i)) (plist-get a :title)
                                      (if (plist-get a :kind) (format "  [%s]" (plist-get a :kind)) "")
                                      (if (plist-get a :isPreferred) "  (preferred)" ""))))
                     (let ((default (or (seq-find (lambda (a) (plist-get a :isPreferred)) actions) (car actions))))
                       (princ (format "    default (Enter at the prompt): %s\n" (and default (plist-get default :title)))))))))
            (funcall print-actions "eglot-code-actions" (eglot-code-actions (point) nil nil nil))
            (funcall print-actions "with the diagnostic in the context"
                     (append (jsonrpc-request (eglot-current-server) :textDocument/codeAction
                                              (list :textDocument (eglot--TextDocumentIdentifier)
                                                    :range (list :start (eglot--pos-to-lsp-position (point))
                                                                 :end (eglot--pos-to-lsp-position (point)))
                                                    :context (list :diagnostics (vector d))))
                             nil))))))
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
