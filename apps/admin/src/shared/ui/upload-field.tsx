import { Form, Upload, type FormRule, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { Attachment } from '@guantong/contracts';
import { uploadFile } from '../api-client.ts';
import { useT } from '../i18n.tsx';
import { useApiErrorHandler } from '../use-api-feedback.ts';

export type UploadedFiles = UploadFile<Attachment>[] | undefined;

/** The ids of the files that finished uploading, to send with the form. */
export function uploadedIds(files: UploadedFiles): string[] {
  return (files ?? []).flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : []));
}

/** Whether a file is still on its way (the form waits for it). */
export function stillUploading(files: UploadedFiles): boolean {
  return (files ?? []).some((file) => file.status === 'uploading');
}

/**
 * A drop zone in a form: each file is uploaded at once to POST /api/files (the server checks the type from the
 * bytes), and the field keeps the list; `uploadedIds` gives what to send.
 */
export function UploadField({ name = 'files', hint, testId, rules }: { name?: string; hint: string; testId: string; rules?: FormRule[] }) {
  const t = useT();
  const onError = useApiErrorHandler();
  return (
    <Form.Item name={name} valuePropName="fileList" getValueFromEvent={(event: { fileList: UploadFile<Attachment>[] }) => event.fileList} rules={rules} style={{ marginBottom: 0 }}>
      <Upload.Dragger
        multiple
        maxCount={30}
        customRequest={({ file, onSuccess, onError: failed }) => {
          uploadFile(file as File)
            .then((attachment) => onSuccess?.(attachment))
            .catch((error: Error) => {
              onError(error);
              failed?.(error);
            });
        }}
        data-testid={testId}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{hint}</p>
        <p className="ant-upload-hint">{t('upload.types')}</p>
      </Upload.Dragger>
    </Form.Item>
  );
}
