import { Card, Empty, List, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { Attachment } from '@guantong/contracts';
import { fileContentUrl } from '../api-client.ts';
import { formatDateTime } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// The card's title and empty text per kind of record (a clue's files are its evidence, 证据材料).
const texts = {
  petition: { title: 'petitions.section.attachments', empty: 'petitions.noAttachments' },
  clue: { title: 'clues.section.evidence', empty: 'clues.noAttachments' },
  case: { title: 'cases.section.attachments', empty: 'cases.noAttachments' },
} as const satisfies Record<string, { title: MessageKey; empty: MessageKey }>;

/**
 * The files of a record (scans, photos, recordings, evidence); each downloads through the API, which checks the
 * reader may see the record.
 */
export function AttachmentsCard({ kind, attachments }: { kind: keyof typeof texts; attachments: Attachment[] }) {
  const { t } = useI18n();
  // The petition pages' test ids came first, without a prefix.
  const prefix = kind === 'petition' ? '' : `${kind}-`;
  return (
    <Card size="small" title={t(texts[kind].title)} data-testid={`${kind}-attachments`}>
      {attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(texts[kind].empty)} />
      ) : (
        <List
          size="small"
          dataSource={attachments}
          renderItem={(attachment) => (
            <List.Item>
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={
                  <a href={fileContentUrl(attachment.id)} download={attachment.fileName} data-testid={`${prefix}attachment-${attachment.id}`}>
                    {attachment.fileName}
                  </a>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {attachment.mimeType} · {sizeText(attachment.sizeBytes)} · {formatDateTime(attachment.createdAt)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
