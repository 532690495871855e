import { Card, Empty, List, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { ClueDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { clueAttachmentUrl } from '../clues.api.ts';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The evidence (证据材料); each file downloads through the API, which checks the reader may see the clue. */
export function AttachmentsCard({ clue }: { clue: ClueDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('clues.section.evidence')} data-testid="clue-attachments">
      {clue.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clues.noAttachments')} />
      ) : (
        <List
          size="small"
          dataSource={clue.attachments}
          renderItem={(attachment) => (
            <List.Item>
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={
                  <a href={clueAttachmentUrl(attachment.id)} download={attachment.fileName} data-testid={`clue-attachment-${attachment.id}`}>
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
