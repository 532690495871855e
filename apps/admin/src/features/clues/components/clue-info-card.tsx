import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { EditOutlined, IdcardOutlined } from '@ant-design/icons';
import { cadreManagementLevelLabels, clueSourceLabels, objectLevelLabels, supervisedCategoryLabels, violationCategoryLabels, type ClueDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { enumLabel } from '../../../shared/labels.ts';
import { ClueEditModal } from './clue-edit-modal.tsx';
import { VerificationPlanDescriptions } from './verification-plan.tsx';

/**
 * What the clue says and about whom: source, allegations, violation categories, the person concerned (the ID
 * number stays sealed: only whether there is one), and the report it came from. Correcting it is offered where the
 * server allows (`capabilities.edit`); the person's file where it allows that (`capabilities.viewPerson`).
 */
export function ClueInfoCard({ clue }: { clue: ClueDetail }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));

  return (
    <Card
      size="small"
      title={t('clues.section.info')}
      data-testid="clue-info"
      extra={
        <Flex gap={8}>
          {clue.capabilities.viewPerson && clue.personId ? (
            <Button size="small" icon={<IdcardOutlined />} onClick={() => navigate(`/clue-persons/${clue.personId}`)} data-testid="clue-view-person">
              {t('clues.viewPerson')}
            </Button>
          ) : null}
          {clue.capabilities.edit ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="clue-edit">
              {t('action.edit')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'source', label: t('clues.source'), children: enumLabel(clueSourceLabels, clue.source, locale) },
            { key: 'sourceBody', label: t('clues.sourceBody'), children: clue.sourceOrganizationName ?? '—' },
            { key: 'sourceReference', label: t('clues.sourceReference'), children: clue.sourceReference ?? '—' },
            {
              key: 'petition',
              label: t('clues.petition'),
              children: clue.petitionId ? (
                <Link to={`/petitions/${clue.petitionId}`} data-testid="clue-petition-link">
                  {t('clues.viewPetition')}
                </Link>
              ) : (
                '—'
              ),
            },
            { key: 'title', label: t('clues.title'), span: 'filled', children: <Typography.Text strong>{clue.title}</Typography.Text> },
            {
              key: 'allegations',
              label: t('clues.allegations'),
              span: 'filled',
              children: (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 8, expandable: true, symbol: t('action.more') }} data-testid="clue-allegations-text">
                  {clue.allegations}
                </Typography.Paragraph>
              ),
            },
            {
              key: 'violations',
              label: t('clues.violationCategories'),
              span: 'filled',
              children: clue.violationCategories.length ? (
                <Flex gap={4} wrap>
                  {clue.violationCategories.map((category) => (
                    <Tag key={category}>{enumLabel(violationCategoryLabels, category, locale)}</Tag>
                  ))}
                </Flex>
              ) : (
                '—'
              ),
            },
          ]}
        />
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          title={<Typography.Text strong>{t('clues.section.concerned')}</Typography.Text>}
          data-testid="clue-concerned"
          items={[
            { key: 'name', label: t('clues.concernedName'), children: <span data-testid="clue-concerned-name-text">{clue.concernedName}</span> },
            { key: 'post', label: t('clues.concernedPost'), children: clue.concernedPost ?? '—' },
            { key: 'unit', label: t('clues.concernedUnit'), children: clue.concernedUnit ?? '—' },
            {
              key: 'id',
              label: t('clues.idNumber'),
              children: clue.hasIdNumber ? <Tag color="blue">{t('clues.idNumberSealed')}</Tag> : t('clues.idNumberNone'),
            },
            { key: 'rank', label: t('clues.objectLevel'), children: clue.objectLevel ? enumLabel(objectLevelLabels, clue.objectLevel, locale) : '—' },
            {
              key: 'cadre',
              label: t('clues.cadreManagementLevel'),
              children: clue.cadreManagementLevel ? enumLabel(cadreManagementLevelLabels, clue.cadreManagementLevel, locale) : '—',
            },
            { key: 'party', label: t('clues.isPartyMember'), children: yesNo(clue.isPartyMember) },
            {
              key: 'principal',
              label: t('clues.lowerCommitteePrincipal'),
              children: clue.lowerCommitteePrincipal ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no'),
            },
            {
              key: 'supervised',
              label: t('clues.supervisedCategory'),
              span: 'filled',
              children: clue.supervisedCategory ? (
                <span data-testid="clue-supervised-category-text">{enumLabel(supervisedCategoryLabels, clue.supervisedCategory, locale)}</span>
              ) : (
                '—'
              ),
            },
          ]}
        />
        {clue.verificationPlan ? (
          <VerificationPlanDescriptions plan={clue.verificationPlan} title={<Typography.Text strong>{t('clues.plan.section')}</Typography.Text>} testId="clue-verification-plan" />
        ) : null}
        {clue.conclusion || clue.feedback ? (
          <Descriptions
            size="small"
            column={1}
            title={<Typography.Text strong>{t('clues.section.result')}</Typography.Text>}
            data-testid="clue-result"
            items={[
              ...(clue.conclusion
                ? [{ key: 'conclusion', label: t('clues.conclusion'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{clue.conclusion}</span> }]
                : []),
              ...(clue.feedback
                ? [
                    {
                      key: 'feedback',
                      label: t('clues.feedback'),
                      children: (
                        <span style={{ whiteSpace: 'pre-wrap' }}>
                          {clue.feedback}
                          {clue.feedbackAt ? (
                            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                              {formatDateTime(clue.feedbackAt)}
                            </Typography.Text>
                          ) : null}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ) : null}
      </Flex>
      {clue.capabilities.edit ? <ClueEditModal clue={clue} open={editing} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
