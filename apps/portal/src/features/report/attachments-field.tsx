import { useRef } from 'react';
import { useT } from '../../shared/i18n.tsx';
import { fill, formatBytes } from '../../shared/format.ts';
import { fieldId } from '../../shared/form.tsx';
import { FILE_ACCEPT, isAcceptedFile, type FileLimits } from './report-draft.ts';

/**
 * Photos and documents: the file input opens the camera or the gallery on phones. Chosen files are listed with
 * their size and a remove button; the checks against the limits run when the form is checked.
 */
export function AttachmentsField({ files, onChange, limits, error }: { files: File[]; onChange(files: File[]): void; limits: FileLimits; error?: string }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const id = fieldId('files');
  const full = files.length >= limits.maxFiles;

  const add = (chosen: FileList | null) => {
    if (!chosen) return;
    const next = [...files];
    for (const file of Array.from(chosen)) {
      const duplicate = next.some((existing) => existing.name === file.name && existing.size === file.size && existing.lastModified === file.lastModified);
      if (!duplicate) next.push(file);
    }
    onChange(next);
    // The same file can be chosen again after being removed.
    if (input.current) input.current.value = '';
  };

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <p className="field-label" id={`${id}-label`}>
        {t('field.files')}
        <span className="field-optional">{t('common.optional')}</span>
      </p>
      <p className="field-hint" id={`${id}-hint`}>
        {fill(t('field.files.hint'), { max: limits.maxFiles, size: formatBytes(limits.maxFileBytes) })}
      </p>
      <input
        ref={input}
        id={id}
        className="file-input"
        type="file"
        name="files"
        multiple
        accept={FILE_ACCEPT}
        disabled={full}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => add(event.target.files)}
        data-testid="file-input"
      />
      <label className={`file-pick${full ? ' file-pick-disabled' : ''}`} htmlFor={id}>
        <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M4 8h3l2-3h6l2 3h3v11H4zM12 10.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7z" />
        </svg>
        <span>{t('field.files.add')}</span>
      </label>
      {files.length > 0 && (
        <>
          <p className="file-count" aria-live="polite">
            {fill(t('field.files.count'), { n: files.length })}
          </p>
          <ul className="file-list" data-testid="file-list">
            {files.map((file, index) => (
              <li key={`${file.name}-${file.size}-${file.lastModified}`} className={file.size === 0 || file.size > limits.maxFileBytes || !isAcceptedFile(file) ? 'file-over' : undefined}>
                <span className="file-name">{file.name}</span>
                <span className="file-size">{formatBytes(file.size)}</span>
                <button
                  type="button"
                  className="button-quiet file-remove"
                  aria-label={fill(t('field.files.removeNamed'), { name: file.name })}
                  onClick={() => onChange(files.filter((_, position) => position !== index))}
                >
                  {t('field.files.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
