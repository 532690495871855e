import { useSearchParams } from 'react-router';
import { Badge, Card, Empty, Flex, Skeleton, Tabs } from 'antd';
import { documentKindLabels, documentKinds, type DocumentKind } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel } from '../../../shared/labels.ts';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { QueryError } from '../../../shared/ui/query-error.tsx';
import { DocumentTemplateEditor } from './document-template-editor.tsx';
import { useDocumentTemplates } from './document-templates.api.ts';

/**
 * 文书模板: the wording of each kind of official document (administrators). Documents issued afterwards use the
 * wording in force; those already issued keep theirs.
 */
export function DocumentTemplatesPage() {
  const { t, locale } = useI18n();
  const templates = useDocumentTemplates();
  const [params, setParams] = useSearchParams();
  const requested = params.get('kind');
  const active: DocumentKind = (documentKinds as readonly string[]).includes(requested ?? '') ? (requested as DocumentKind) : documentKinds[0];

  return (
    <PageContainer title={t('menu.documentTemplates')} description={t('documentTemplates.description')}>
      <Card>
        {templates.isError && !templates.data ? (
          <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
        ) : !templates.data ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : templates.data.length === 0 ? (
          <Empty description={t('documentTemplates.empty')} />
        ) : (
          <Tabs
            activeKey={active}
            onChange={(key) => setParams(key === documentKinds[0] ? {} : { kind: key }, { replace: true })}
            items={templates.data.map((template) => ({
              key: template.kind,
              label: (
                <Flex gap={6} align="center" data-testid={`doc-template-tab-${template.kind}`}>
                  {enumLabel(documentKindLabels, template.kind, locale)}
                  {template.configured ? <Badge status="warning" title={t('documentTemplates.configured')} /> : null}
                </Flex>
              ),
              // A new version (saved here or elsewhere, or reset) starts the form again from it.
              children: <DocumentTemplateEditor key={`${template.version}:${template.updatedAt ?? 'built-in'}`} template={template} />,
            }))}
          />
        )}
      </Card>
    </PageContainer>
  );
}
