import { Link } from 'react-router';
import { Tag, type TableColumnsType } from 'antd';
import { fourFormLabels, sanctionCategoryLabels, type FourForm, type Sanction, type SanctionCategory, type SanctionType } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { enumLabel, sanctionTypeLabel } from '../../../shared/labels.ts';
import { useSession } from '../../../shared/session.tsx';
import { PersonCell } from './case-columns.tsx';

/** 影响期内 / 已期满 / 已撤销 (revoked on appeal). */
export function SanctionStateTag({ sanction }: { sanction: Sanction }) {
  const { t } = useI18n();
  if (sanction.revoked) return <Tag data-testid="sanction-state">{t('sanctions.revoked')}</Tag>;
  return sanction.inEffect ? (
    <Tag color="red" data-testid="sanction-state">
      {t('sanctions.inEffect')}
    </Tag>
  ) : (
    <Tag color="default" data-testid="sanction-state">
      {t('sanctions.notInEffect')}
    </Tag>
  );
}

/**
 * The columns of a sanctions table: what was decided (type, category, four forms), from when and until when (or
 * 永久), and whether it is in effect. `withCase` adds the case and the person (the register and person files).
 */
export function useSanctionColumns({ withCase }: { withCase: boolean }): TableColumnsType<Sanction> {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const caseColumns: TableColumnsType<Sanction> = [
    {
      title: t('cases.caseNumber'),
      dataIndex: 'caseNumber',
      width: 130,
      render: (caseNumber: string, sanction) => <Link to={`/cases/${sanction.caseId}`}>{caseNumber}</Link>,
    },
    {
      title: t('sanctions.person'),
      key: 'person',
      width: 160,
      render: (_value, sanction) =>
        can('clues.persons') && sanction.personId ? (
          <Link to={`/clue-persons/${sanction.personId}`}>
            <PersonCell name={sanction.concernedName} unit={sanction.concernedUnit} />
          </Link>
        ) : (
          <PersonCell name={sanction.concernedName} unit={sanction.concernedUnit} />
        ),
    },
  ];
  return [
    ...(withCase ? caseColumns : []),
    { title: t('sanctions.type'), dataIndex: 'type', width: 150, render: (type: SanctionType) => sanctionTypeLabel(type, locale) },
    { title: t('sanctions.category'), dataIndex: 'category', width: 130, render: (category: SanctionCategory) => enumLabel(sanctionCategoryLabels, category, locale) },
    { title: t('sanctions.fourForm'), dataIndex: 'fourForm', width: 120, render: (form: FourForm | null) => (form ? enumLabel(fourFormLabels, form, locale) : '—') },
    { title: t('sanctions.decidedOn'), dataIndex: 'decidedOn', width: 110 },
    { title: t('sanctions.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
    {
      title: t('sanctions.effectEndsOn'),
      dataIndex: 'effectEndsOn',
      width: 110,
      render: (ends: string | null, sanction) => (sanction.permanent ? t('sanctions.permanent') : (ends ?? '—')),
    },
    { title: t('sanctions.state'), key: 'state', width: 100, render: (_value, sanction) => <SanctionStateTag sanction={sanction} /> },
    ...(withCase ? [{ title: t('sanctions.decidingBody'), dataIndex: 'organizationName', width: 160 }] : []),
  ];
}
