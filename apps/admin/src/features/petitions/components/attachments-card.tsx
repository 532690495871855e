import { Card, Empty, List, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { PetitionDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { attachmentUrl } from '../petitions.api.ts';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Scanned pages, photos and recordings; each downloads through the API, which checks the reader may see the record. */
export function AttachmentsCard({ petition }: { petition: PetitionDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('petitions.section.attachments')} data-testid="petition-attachments">
      {petition.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petitions.noAttachments')} />
      ) : (
        <List
          size="small"
          dataSource={petition.attachments}
          renderItem={(attachment) => (
            <List.Item>
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={
                  <a href={attachmentUrl(attachment.id)} download={attachment.fileName} data-testid={`attachment-${attachment.id}`}>
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
