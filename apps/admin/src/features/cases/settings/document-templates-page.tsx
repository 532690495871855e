import { useSearchParams } from 'react-router';
import { Badge, Card, Empty, Flex, Select, Skeleton, Tabs, Typography } from 'antd';
import { clueLedgerBodyTypes, documentKindLabels, documentKinds, type DocumentKind } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { useSession } from '../../../shared/session.tsx';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { useOrganizations } from '../../organizations/organizations.api.ts';
import { DocumentTemplateEditor } from './document-template-editor.tsx';
import { useDocumentTemplates } from './document-templates.api.ts';

/**
 * 文书模板: the wording of each kind of official document per issuing body (administrators, for their body and those
 * below it). A body without its own wording inherits the nearest one above it. Documents issued afterwards use the
 * wording in force; those already issued keep theirs.
 */
export function DocumentTemplatesPage() {
  const { t, locale } = useI18n();
  const { activeMembership } = useSession();
  const [params, setParams] = useSearchParams();
  // The bodies that issue documents: commissions and township committees the administrator may see.
  const bodies = useOrganizations();
  const issuers = (bodies.data ?? []).filter((body) => (clueLedgerBodyTypes as readonly string[]).includes(body.type));
  const own = issuers.find((body) => body.id === activeMembership?.organizationId);
  const organizationId = params.get('body') ?? own?.id ?? issuers[0]?.id;
  const templates = useDocumentTemplates(organizationId);
  const requested = params.get('kind');
  const active: DocumentKind = (documentKinds as readonly string[]).includes(requested ?? '') ? (requested as DocumentKind) : documentKinds[0];
  const setParam = (key: 'body' | 'kind', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <PageContainer title={t('menu.documentTemplates')} description={t('documentTemplates.description')}>
      <Card>
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('documentTemplates.body')}</Typography.Text>
          <Select
            value={organizationId}
            onChange={(value: string) => setParam('body', value)}
            options={issuers.map((body) => ({ value: body.id, label: body.name }))}
            loading={bodies.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 240 }}
            aria-label={t('documentTemplates.body')}
            data-testid="doc-template-body"
          />
          <Typography.Text type="secondary">{t('documentTemplates.bodyHint')}</Typography.Text>
        </Flex>
        {templates.isError && !templates.data ? (
          <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
        ) : bodies.isError && !bodies.data ? (
          <QueryError error={bodies.error} onRetry={() => void bodies.refetch()} />
        ) : bodies.data && issuers.length === 0 ? (
          <Empty description={t('documentTemplates.empty')} />
        ) : !templates.data ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : templates.data.length === 0 ? (
          <Empty description={t('documentTemplates.empty')} />
        ) : (
          <Tabs
            activeKey={active}
            onChange={(key) => setParam('kind', key === documentKinds[0] ? null : key)}
            items={templates.data.map((template) => ({
              key: template.kind,
              label: (
                <Flex gap={6} align="center" data-testid={`doc-template-tab-${template.kind}`}>
                  {enumLabel(documentKindLabels, template.kind, locale)}
                  {template.configured ? <Badge status="warning" title={t('documentTemplates.configured')} /> : null}
                </Flex>
              ),
              // Another body, a new version (saved here or elsewhere, or reset) starts the form again from it.
              children: (
                <DocumentTemplateEditor
                  key={`${template.organizationId}:${template.version}:${template.definedAt?.id ?? 'built-in'}:${template.updatedAt ?? ''}`}
                  template={template}
                  issuer={issuers.find((body) => body.id === template.organizationId)?.name ?? ''}
                />
              ),
            }))}
          />
        )}
      </Card>
    </PageContainer>
  );
}
