import type { LocalizedText } from './i18n.ts';
import type { SupervisedCategory } from './clue-vocabulary.ts';

// Enumerations of cases and sanctions, DOMAIN.md §2.8, §2.9 and §3.3. Zod-free so the UI imports labels alone.

/** What a decision does to a person (DOMAIN.md §2.8). */
export const sanctionCategories = ['party_discipline', 'administrative_sanction', 'light_handling', 'organisational_measure', 'other_disposition'] as const;
export type SanctionCategory = (typeof sanctionCategories)[number];
export const sanctionCategoryLabels = {
  party_discipline: { zhCN: '党纪处分', en: 'Party discipline' },
  administrative_sanction: { zhCN: '政务处分', en: 'Administrative sanction' },
  light_handling: { zhCN: '批评教育类处理', en: 'Light handling' },
  organisational_measure: { zhCN: '组织处理', en: 'Organisational measure' },
  other_disposition: { zhCN: '其他处置', en: 'Other disposition' },
} as const satisfies Record<SanctionCategory, LocalizedText>;

export const fourForms = ['form_1', 'form_2', 'form_3', 'form_4'] as const;
export type FourForm = (typeof fourForms)[number];
export const fourFormLabels = {
  form_1: { zhCN: '第一种形态', en: 'First form' },
  form_2: { zhCN: '第二种形态', en: 'Second form' },
  form_3: { zhCN: '第三种形态', en: 'Third form' },
  form_4: { zhCN: '第四种形态', en: 'Fourth form' },
} as const satisfies Record<FourForm, LocalizedText>;

export interface SanctionTypeSpec {
  category: SanctionCategory;
  label: LocalizedText;
  /** How long the sanction affects the person, from the day it takes effect; null: no period, or permanent. */
  effectMonths: number | null;
  permanent?: boolean;
  /** "Four forms" classification of the outcome (DOMAIN.md §2.9); null where it does not apply. */
  fourForm: FourForm | null;
}

/**
 * Sanction types with their effect periods: party discipline per 纪律处分条例 art.9–13 (2023, CCDI explanation: warning
 * 1 year, serious warning 18 months, removal from party post 2 years, probation 1–2 years followed by 2 years without
 * promotion, expulsion 5 years before re-admission); administrative sanctions per 政务处分法 art.8 (6/12/18/24/24
 * months, expulsion permanent). The four-forms mapping follows DOMAIN.md §2.9 [S25]; it can be overridden per decision.
 */
export const sanctionTypes = {
  party_warning: { category: 'party_discipline', label: { zhCN: '党内警告', en: 'Party warning' }, effectMonths: 12, fourForm: 'form_2' },
  party_serious_warning: { category: 'party_discipline', label: { zhCN: '党内严重警告', en: 'Serious party warning' }, effectMonths: 18, fourForm: 'form_2' },
  removal_from_party_post: { category: 'party_discipline', label: { zhCN: '撤销党内职务', en: 'Removal from party post' }, effectMonths: 24, fourForm: 'form_3' },
  probation_1y: { category: 'party_discipline', label: { zhCN: '留党察看一年', en: 'Probation, one year' }, effectMonths: 36, fourForm: 'form_3' },
  probation_2y: { category: 'party_discipline', label: { zhCN: '留党察看二年', en: 'Probation, two years' }, effectMonths: 48, fourForm: 'form_3' },
  expulsion_from_party: { category: 'party_discipline', label: { zhCN: '开除党籍', en: 'Expulsion from the party' }, effectMonths: 60, fourForm: 'form_3' },
  admin_warning: { category: 'administrative_sanction', label: { zhCN: '政务警告', en: 'Warning' }, effectMonths: 6, fourForm: 'form_2' },
  admin_demerit: { category: 'administrative_sanction', label: { zhCN: '记过', en: 'Demerit' }, effectMonths: 12, fourForm: 'form_2' },
  admin_major_demerit: { category: 'administrative_sanction', label: { zhCN: '记大过', en: 'Major demerit' }, effectMonths: 18, fourForm: 'form_2' },
  admin_demotion: { category: 'administrative_sanction', label: { zhCN: '降级', en: 'Demotion' }, effectMonths: 24, fourForm: 'form_3' },
  admin_dismissal_from_post: { category: 'administrative_sanction', label: { zhCN: '撤职', en: 'Dismissal from post' }, effectMonths: 24, fourForm: 'form_3' },
  admin_expulsion: { category: 'administrative_sanction', label: { zhCN: '开除', en: 'Expulsion' }, effectMonths: null, permanent: true, fourForm: 'form_3' },
  reminder_talk: { category: 'light_handling', label: { zhCN: '谈话提醒', en: 'Reminder talk' }, effectMonths: null, fourForm: 'form_1' },
  criticism_education: { category: 'light_handling', label: { zhCN: '批评教育', en: 'Criticism and education' }, effectMonths: null, fourForm: 'form_1' },
  ordered_self_examination: { category: 'light_handling', label: { zhCN: '责令检查', en: 'Ordered self-examination' }, effectMonths: null, fourForm: 'form_1' },
  admonishment: { category: 'light_handling', label: { zhCN: '诫勉', en: 'Admonishment' }, effectMonths: null, fourForm: 'form_1' },
  suspension_for_examination: { category: 'organisational_measure', label: { zhCN: '停职检查', en: 'Suspension for examination' }, effectMonths: null, fourForm: 'form_2' },
  post_adjustment: { category: 'organisational_measure', label: { zhCN: '调整职务', en: 'Post adjustment' }, effectMonths: null, fourForm: 'form_2' },
  ordered_resignation: { category: 'organisational_measure', label: { zhCN: '责令辞职', en: 'Ordered resignation' }, effectMonths: null, fourForm: 'form_2' },
  removal_from_office: { category: 'organisational_measure', label: { zhCN: '免职', en: 'Removal from office' }, effectMonths: null, fourForm: 'form_2' },
  organisational_demotion: { category: 'organisational_measure', label: { zhCN: '降职', en: 'Demotion (organisational)' }, effectMonths: null, fourForm: 'form_2' },
  transfer_to_procuratorate: { category: 'other_disposition', label: { zhCN: '移送检察机关审查起诉', en: 'Transferred to the procuratorate' }, effectMonths: null, fourForm: 'form_4' },
  supervision_recommendation: { category: 'other_disposition', label: { zhCN: '提出监察建议', en: 'Supervision recommendation' }, effectMonths: null, fourForm: null },
} as const satisfies Record<string, SanctionTypeSpec>;
export type SanctionType = keyof typeof sanctionTypes;
export const sanctionTypeKeys = Object.keys(sanctionTypes) as SanctionType[];

/** The administrative sanctions a village cadre may receive (政务处分法 art.22: warning, demerit, major demerit). */
const villageCadreAdministrativeSanctions: readonly SanctionType[] = ['admin_warning', 'admin_demerit', 'admin_major_demerit'];

/**
 * Why a sanction cannot be imposed on the person concerned, or null when it can: party discipline needs a party
 * member (DOMAIN.md §2.7: membership decides which kinds apply); a manager of a village or residents' committee may only
 * be warned or given a (major) demerit as an administrative sanction (政务处分法 art.22, DOMAIN.md §2.7 C).
 */
export function sanctionRefusal(type: SanctionType, person: { isPartyMember: boolean; supervisedCategory: SupervisedCategory | null }): LocalizedText | null {
  const category = sanctionTypes[type].category;
  if (category === 'party_discipline' && !person.isPartyMember) {
    return { zhCN: '被处分人不是中共党员，不能给予党纪处分', en: 'Party discipline applies to party members only' };
  }
  if (category === 'administrative_sanction' && person.supervisedCategory === 'grassroots_autonomy_manager' && !villageCadreAdministrativeSanctions.includes(type)) {
    return { zhCN: '村（居）干部只能给予警告、记过或者记大过（政务处分法第二十二条）', en: 'A village cadre may only be warned or given a (major) demerit (Public Officials Sanctions Law art.22)' };
  }
  return null;
}

/** Investigative measures logged on a case (DOMAIN.md §3.3; 监察法2024 art.47–48 for detention). */
export const caseMeasureKinds = ['talk', 'questioning', 'inquiry_of_witness', 'retrieval', 'freezing', 'search', 'detention', 'appraisal'] as const;
export type CaseMeasureKind = (typeof caseMeasureKinds)[number];
export const caseMeasureKindLabels = {
  talk: { zhCN: '谈话', en: 'Talk' },
  questioning: { zhCN: '讯问', en: 'Questioning' },
  inquiry_of_witness: { zhCN: '询问证人', en: 'Witness inquiry' },
  retrieval: { zhCN: '调取', en: 'Retrieval of evidence' },
  freezing: { zhCN: '查询、冻结', en: 'Account check and freezing' },
  search: { zhCN: '搜查', en: 'Search' },
  detention: { zhCN: '留置', en: 'Detention (留置)' },
  appraisal: { zhCN: '鉴定', en: 'Appraisal' },
} as const satisfies Record<CaseMeasureKind, LocalizedText>;
// 监察法2024 art.48: detention lasts at most 3 months, extendable once by at most 3 months (D17); the term ends the day
// before the same date 3 (or 6) months on.
export const DETENTION_MONTHS = 3;
export const DETENTION_EXTENSION_MONTHS = 3;

/** Appeals against a decision (DOMAIN.md §3.3): party-discipline appeal, and re-examination/recheck of a supervision decision. */
export const appealKinds = ['party_appeal', 'reexamination', 'recheck'] as const;
export type AppealKind = (typeof appealKinds)[number];
export const appealKindLabels = {
  party_appeal: { zhCN: '党纪申诉', en: 'Party-discipline appeal' },
  reexamination: { zhCN: '复审（监察处理决定）', en: 'Re-examination' },
  recheck: { zhCN: '复核（向上一级监察机关）', en: 'Recheck by the higher commission' },
} as const satisfies Record<AppealKind, LocalizedText>;
export const appealOutcomes = ['upheld', 'changed', 'revoked'] as const;
export type AppealOutcome = (typeof appealOutcomes)[number];
export const appealOutcomeLabels = {
  upheld: { zhCN: '维持原决定', en: 'Upheld' },
  changed: { zhCN: '变更原决定', en: 'Changed' },
  revoked: { zhCN: '撤销原决定', en: 'Revoked' },
} as const satisfies Record<AppealOutcome, LocalizedText>;
