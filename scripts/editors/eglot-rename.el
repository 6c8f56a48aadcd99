;;; Batch check of rename in eglot against a built server (not part of CI):
;;   cd FOLDER && SPECLSP_DLL=.../speclsp.dll emacs --batch -l .../scripts/editors/eglot-rename.el payment-retry.md
;; FOLDER holds client-vscode/test/fixtures/editors/payment-retry.md and payment-notes.md. Renames FR1 to FR7 on its
;; heading and the heading Goals to Objectives with `eglot-rename' (eglot applies the server's documentChanges, checking
;; each open document's version), saves every buffer and prints the lines of both files that mention the names.
(package-initialize)
(require 'markdown-mode)
(load (expand-file-name "eglot.el" (file-name-directory load-file-name)))
;; eglot asks "Server wants to edit: … Proceed?" for an edit that spans files; answer it as a user would, with y.
(advice-add 'y-or-n-p :around (lambda (_ prompt &rest _) (princ (format "%s y\n" prompt)) t))
(defun speclsp-rename (needle offset new-name)
  (goto-char (point-min))
  (if (not (search-forward needle nil t))
      (princ (format "not found: %s\n" needle))
    (goto-char (+ (match-beginning 0) offset))
    (let ((before (buffer-modified-tick)))
      (condition-case err
          (progn
            (eglot-rename new-name)
            (princ (format "rename %S at line %d to %s: %s\n" needle (line-number-at-pos) new-name
                           (if (/= before (buffer-modified-tick)) "applied" "NOTHING CHANGED"))))
        (error (princ (format "rename %S failed: %S\n" needle err)))))
    ;; eglot sends a buffer's changes on an idle timer, which a batch Emacs never runs: send them now, for every
    ;; buffer the edit touched (payment-notes.md was opened for it), as an interactive session would have by the next
    ;; command.
    (dolist (b (eglot--managed-buffers (eglot-current-server)))
      (with-current-buffer b (eglot--signal-textDocument/didChange)))
    (accept-process-output nil 1)))
(let* ((file (expand-file-name (car command-line-args-left)))
       (buffer (find-file-noselect file)))
  (setq command-line-args-left nil)
  (with-current-buffer buffer
    (markdown-mode)
    (apply #'eglot (eglot--guess-contact))
    (let ((deadline (+ (float-time) 20)))
      (while (and (not (eglot-current-server)) (< (float-time) deadline))
        (accept-process-output nil 0.2)))
    (accept-process-output nil 2)
    (speclsp-rename "#### FR1" 5 "FR7")
    (speclsp-rename "### Goals" 4 "Objectives")
    (save-some-buffers t)
    (dolist (name '("payment-retry.md" "payment-notes.md"))
      (with-temp-buffer
        (insert-file-contents (expand-file-name name (file-name-directory file)))
        (let ((n 0))
          (dolist (line (split-string (buffer-string) "\n"))
            (setq n (1+ n))
            (when (string-match-p "[Ff][Rr][17]\\|[Gg]oals\\|[Oo]bjectives" line)
              (princ (format "  %s:%d: %s\n" name n line)))))))
    (eglot-shutdown (eglot-current-server))))
