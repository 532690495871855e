import { useSearchParams } from 'react-router';
import { Card, Tabs } from 'antd';
import { useI18n } from '../../../shared/i18n.tsx';
import { PageContainer } from '../../../shared/ui/page-container.tsx';
import { AnswerTemplatesTab } from './answer-templates-tab.tsx';
import { CategoriesTab } from './categories-tab.tsx';
import { IntakePointsTab } from './intake-points-tab.tsx';

const tabs = ['categories', 'intake-points', 'answer-templates'] as const;
type TabKey = (typeof tabs)[number];

/** Settings of the petitions module (administrators): categories and their questions, QR intake points, answer templates. */
export function PetitionSettingsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: TabKey = (tabs as readonly string[]).includes(requested ?? '') ? (requested as TabKey) : 'categories';

  return (
    <PageContainer title={t('menu.petitionSettings')} description={t('petitionSettings.description')}>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === 'categories' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'categories', label: <span data-testid="settings-tab-categories">{t('petitionSettings.categories')}</span>, children: <CategoriesTab /> },
            { key: 'intake-points', label: <span data-testid="settings-tab-intake-points">{t('petitionSettings.intakePoints')}</span>, children: <IntakePointsTab /> },
            { key: 'answer-templates', label: <span data-testid="settings-tab-answer-templates">{t('petitionSettings.answerTemplates')}</span>, children: <AnswerTemplatesTab /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
