import { useState, type Ref } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, List, Popconfirm, Row, Skeleton, Tag, Typography } from 'antd';
import { DisconnectOutlined, LinkOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { linkKindLabels, type PetitionDetail, type PetitionSummary } from '@guantong/contracts';
import { useI18n, type MessageKey } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { enumLabel } from '../../../shared/labels.ts';
import { FormModal } from '../../../shared/ui/form-modal.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useLinkPetition, useMergePetition, useSimilarPetitions, useUnlinkPetition } from '../petitions.api.ts';
import { PetitionStatusTag } from './petition-status-tag.tsx';
import { usePetitionErrorHandler } from './use-petition-error.ts';

const reasonKeys: Record<string, MessageKey> = {
  same_person: 'petitions.reason.same_person',
  same_unit: 'petitions.reason.same_unit',
  similar_text: 'petitions.reason.similar_text',
  same_reporter: 'petitions.reason.same_reporter',
};

function SummaryLine({ petition }: { petition: PetitionSummary }) {
  const { t } = useI18n();
  return (
    <Flex gap={8} align="center" wrap>
      <Link to={`/petitions/${petition.id}`}>{petition.serialNumber ?? petition.receiptCode ?? t('petitions.unregistered')}</Link>
      <Typography.Text strong>{petition.title}</Typography.Text>
      <PetitionStatusTag status={petition.status} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {petition.organizationName} · {formatDateTime(petition.receivedAt)}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Earlier reports about the same person or unit, by the same reporter or with similar text, beside this one;
 * they can be linked (related / duplicate) where the server allows `capabilities.link`, or, where it allows the
 * `merge` action, this record merged into one of them.
 */
export function SimilarPanel({ petition, ref }: { petition: PetitionDetail; ref?: Ref<HTMLDivElement> }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const similar = useSimilarPetitions(petition.id);
  const link = useLinkPetition(petition.id);
  const unlink = useUnlinkPetition(petition.id);
  const merge = useMergePetition(petition.id);
  const onError = usePetitionErrorHandler(petition.id);
  const [mergeInto, setMergeInto] = useState<PetitionSummary | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const linked = new Set(petition.links.map((entry) => entry.petition.id));
  const canMerge = petition.allowedActions.includes('merge');
  const canLink = petition.capabilities.link;

  const onLink = async (target: PetitionSummary, kind: 'related' | 'duplicate') => {
    try {
      await link.mutateAsync({ linkedPetitionId: target.id, kind });
      void message.success(t('petitions.linked'));
    } catch (error) {
      onError(error);
    }
  };

  const onUnlink = async (linkId: string) => {
    try {
      await unlink.mutateAsync(linkId);
      void message.success(t('petitions.unlinked'));
    } catch (error) {
      onError(error);
    }
  };

  const onMerge = async ({ note }: { note: string }) => {
    if (!mergeInto) return;
    try {
      await merge.mutateAsync({ expectedStatus: petition.status, targetId: mergeInto.id, note: note.trim() });
      void message.success(t('petitions.merged'));
      setMergeInto(null);
    } catch (error) {
      if (onError(error, form)) setMergeInto(null);
    }
  };

  return (
    <div ref={ref}>
      <Card size="small" title={t('petitions.section.similar')} data-testid="petition-similar">
        <Flex vertical gap={16}>
          {petition.links.length ? (
            <div data-testid="petition-links">
              <Typography.Text strong>{t('petitions.links')}</Typography.Text>
              <List
                size="small"
                dataSource={petition.links}
                renderItem={(entry) => (
                  <List.Item
                    actions={
                      canLink
                        ? [
                            <Popconfirm key="unlink" title={t('petitions.unlinkConfirm')} onConfirm={() => onUnlink(entry.id)}>
                              <Button size="small" type="text" icon={<DisconnectOutlined />} data-testid={`unlink-${entry.petition.id}`}>
                                {t('petitions.unlink')}
                              </Button>
                            </Popconfirm>,
                          ]
                        : undefined
                    }
                  >
                    <Flex gap={8} align="center" wrap>
                      <Tag color={entry.kind === 'duplicate' ? 'orange' : 'blue'}>{enumLabel(linkKindLabels, entry.kind, locale)}</Tag>
                      <SummaryLine petition={entry.petition} />
                    </Flex>
                  </List.Item>
                )}
              />
            </div>
          ) : null}

          {similar.isPending ? (
            <Skeleton active paragraph={{ rows: 3 }} />
          ) : similar.isError ? (
            <QueryError error={similar.error} onRetry={() => void similar.refetch()} />
          ) : similar.data.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petitions.noSimilar')} />
          ) : (
            <Row gutter={16}>
              <Col xs={24} lg={10}>
                <Card size="small" type="inner" title={t('petitions.thisOne')} style={{ position: 'sticky', top: 80 }}>
                  <Typography.Text strong>{petition.title}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} ellipsis={{ rows: 12, expandable: true, symbol: t('action.more') }}>
                    {petition.content}
                  </Typography.Paragraph>
                  {petition.concernedName || petition.concernedUnit ? (
                    <Typography.Text type="secondary">
                      {[petition.concernedName, petition.concernedUnit].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  ) : null}
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Flex vertical gap={12} data-testid="similar-list">
                  {similar.data.map((item) => (
                    <Card
                      key={item.petition.id}
                      size="small"
                      type="inner"
                      data-testid={`similar-${item.petition.id}`}
                      title={<SummaryLine petition={item.petition} />}
                    >
                      <Flex gap={4} wrap style={{ marginBottom: 8 }}>
                        {item.reasons.map((reason) => (
                          <Tag key={reason} color="purple">
                            {reasonKeys[reason] ? t(reasonKeys[reason]) : reason}
                          </Tag>
                        ))}
                      </Flex>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 6, expandable: true, symbol: t('action.more') }}>
                        {item.content}
                      </Typography.Paragraph>
                      {item.petition.concernedName || item.petition.concernedUnit ? (
                        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                          {[item.petition.concernedName, item.petition.concernedUnit].filter(Boolean).join(' · ')}
                        </Typography.Paragraph>
                      ) : null}
                      <Flex gap={8} wrap>
                        {linked.has(item.petition.id) ? (
                          <Tag color="blue">{t('petitions.alreadyLinked')}</Tag>
                        ) : canLink ? (
                          <>
                            <Button size="small" icon={<LinkOutlined />} loading={link.isPending} onClick={() => onLink(item.petition, 'related')} data-testid={`link-related-${item.petition.id}`}>
                              {t('petitions.linkRelated')}
                            </Button>
                            <Button size="small" loading={link.isPending} onClick={() => onLink(item.petition, 'duplicate')} data-testid={`link-duplicate-${item.petition.id}`}>
                              {t('petitions.linkDuplicate')}
                            </Button>
                          </>
                        ) : null}
                        {canMerge ? (
                          <Button size="small" danger icon={<MergeCellsOutlined />} onClick={() => setMergeInto(item.petition)} data-testid={`merge-into-${item.petition.id}`}>
                            {t('petitions.mergeInto')}
                          </Button>
                        ) : null}
                      </Flex>
                    </Card>
                  ))}
                </Flex>
              </Col>
            </Row>
          )}
        </Flex>
      </Card>

      <FormModal<{ note: string }>
        open={mergeInto !== null}
        title={t('petitions.mergeTitle')}
        form={form}
        onCancel={() => setMergeInto(null)}
        onFinish={onMerge}
        submitting={merge.isPending}
        okText={t('petitions.mergeInto')}
        testId="merge-modal"
      >
        {mergeInto ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('petitions.mergeWarning', { serial: mergeInto.serialNumber ?? mergeInto.title })}
          />
        ) : null}
        <Form.Item name="note" label={t('field.note')} rules={[required(t, t('field.note')), maxLength(t, 500)]}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="merge-note" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
