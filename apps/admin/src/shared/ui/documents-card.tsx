import { App, Button, Card, Empty, Flex, List, Tag, Tooltip, Typography } from 'antd';
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentKindLabels, type DocumentKind, type DocumentSubjectType, type OfficialDocument } from '@guantong/contracts';
import { callApi, fileContentUrl } from '../api-client.ts';
import { useI18n } from '../i18n.tsx';
import { formatDateTime } from '../format.ts';
import { enumLabel } from '../labels.ts';
import { useSession } from '../session.tsx';
import { useApiErrorHandler } from '../use-api-feedback.ts';
import { QueryError } from './query-error.tsx';

const documentKeys = (subjectType: DocumentSubjectType, subjectId: string) => ['documents', subjectType, subjectId] as const;

/** The documents issued for a clue or case; while one is still being written (no file yet) the list asks again. */
function useDocuments(subjectType: DocumentSubjectType, subjectId: string) {
  return useQuery({
    queryKey: documentKeys(subjectType, subjectId),
    queryFn: ({ signal }) => callApi('listDocuments', { query: { subjectType, subjectId } }, { signal }),
    refetchInterval: (query) => (query.state.data?.some((document) => document.attachmentId === null) ? 2000 : false),
  });
}

function useIssueDocument(subjectType: DocumentSubjectType, subjectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: DocumentKind) => callApi('issueDocument', { body: { kind, subjectType, subjectId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys(subjectType, subjectId) }),
  });
}

export interface IssuableKind {
  kind: DocumentKind;
  /** The button's text, e.g. 生成函询通知书. */
  label: string;
  /** Why it cannot be issued yet (the button is then disabled and says so). */
  blockedBy?: string;
}

/**
 * Official documents (公文) of a clue or case: number (文号), kind, who issued it and when, and the Word file to
 * download. Officers of the commission (case management, handling, leaders) issue new ones; each gets the next number.
 */
export function DocumentsCard({ subjectType, subjectId, kinds, testId }: { subjectType: DocumentSubjectType; subjectId: string; kinds: IssuableKind[]; testId: string }) {
  const { t, locale } = useI18n();
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const documents = useDocuments(subjectType, subjectId);
  const issue = useIssueDocument(subjectType, subjectId);
  const mayIssue = hasRole('case_management_officer') || hasRole('handling_officer') || hasRole('leader');

  const onIssue = async (kind: DocumentKind) => {
    try {
      const issued = await issue.mutateAsync(kind);
      void message.success(t('documents.issued', { number: issued.number }));
    } catch (error) {
      onError(error);
    }
  };

  return (
    <Card
      size="small"
      title={t('documents.title')}
      data-testid={testId}
      extra={
        mayIssue ? (
          <Flex gap={8} wrap>
            {kinds.map(({ kind, label, blockedBy }) => (
              <Tooltip key={kind} title={blockedBy}>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  disabled={Boolean(blockedBy)}
                  loading={issue.isPending && issue.variables === kind}
                  onClick={() => void onIssue(kind)}
                  data-testid={`issue-${kind}`}
                >
                  {label}
                </Button>
              </Tooltip>
            ))}
          </Flex>
        ) : null
      }
    >
      {documents.isError ? (
        <QueryError error={documents.error} onRetry={() => void documents.refetch()} />
      ) : (
        <List<OfficialDocument>
          size="small"
          loading={documents.isPending}
          dataSource={documents.data ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('documents.empty')} /> }}
          renderItem={(document) => (
            <List.Item data-testid={`document-${document.id}`}>
              <List.Item.Meta
                avatar={<FileWordOutlined />}
                title={
                  <Flex gap={8} align="center" wrap>
                    {document.attachmentId ? (
                      <a href={fileContentUrl(document.attachmentId)} download data-testid="document-download">
                        {document.number}
                      </a>
                    ) : (
                      <span>{document.number}</span>
                    )}
                    <Tag>{enumLabel(documentKindLabels, document.kind, locale)}</Tag>
                    {document.attachmentId ? null : <Tag color="processing">{t('documents.writing')}</Tag>}
                  </Flex>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {document.title} · {document.createdByName} · {formatDateTime(document.createdAt)}
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
