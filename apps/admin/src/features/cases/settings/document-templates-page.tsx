import { useSearchParams } from 'react-router';
import { Badge, Card, Empty, Flex, Skeleton, Tabs } from 'antd';
import { documentKindLabels, documentKinds, type DocumentKind } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { LedgerBodySelect, useLedgerBodyChoice } from '../../organizations/ledger-body-choice.tsx';
import { DocumentTemplateEditor } from './document-template-editor.tsx';
import { useDocumentTemplates } from './document-templates.api.ts';

/**
 * 文书模板: the wording of each kind of official document per issuing body (administrators, for their body and those
 * below it). A body without its own wording inherits the nearest one above it. Documents issued afterwards use the
 * wording in force; those already issued keep theirs.
 */
export function DocumentTemplatesPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  // The bodies that issue documents: commissions and township committees the administrator may see.
  const issuer = useLedgerBodyChoice('body');
  const templates = useDocumentTemplates(issuer.organizationId);
  const requested = params.get('kind');
  const active: DocumentKind = (documentKinds as readonly string[]).includes(requested ?? '') ? (requested as DocumentKind) : documentKinds[0];
  const setKind = (kind: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (kind) next.set('kind', kind);
        else next.delete('kind');
        return next;
      },
      { replace: true },
    );

  return (
    <PageContainer title={t('menu.documentTemplates')} description={t('documentTemplates.description')}>
      <Card>
        <LedgerBodySelect choice={issuer} label={t('documentTemplates.body')} hint={t('documentTemplates.bodyHint')} testId="doc-template-body" />
        {templates.isError && !templates.data ? (
          <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
        ) : issuer.bodies.isError && !issuer.bodies.data ? (
          <QueryError error={issuer.bodies.error} onRetry={() => void issuer.bodies.refetch()} />
        ) : issuer.bodies.data && issuer.ledgers.length === 0 ? (
          <Empty description={t('documentTemplates.empty')} />
        ) : !templates.data ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : templates.data.length === 0 ? (
          <Empty description={t('documentTemplates.empty')} />
        ) : (
          <Tabs
            activeKey={active}
            onChange={(key) => setKind(key === documentKinds[0] ? null : key)}
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
                  issuer={issuer.nameOf(template.organizationId)}
                />
              ),
            }))}
          />
        )}
      </Card>
    </PageContainer>
  );
}
