import { count } from 'drizzle-orm';
import type { CategoryQuestion } from '@guantong/contracts';
import type { Database } from '../platform/db/client.ts';
import { answerTemplates, petitionCategories } from '../modules/petitions/petitions.table.ts';

const yesNo = (key: string, zhCN: string, en: string, required = false): CategoryQuestion => ({ key, label: { zhCN, en }, type: 'yesno', required });

// DOMAIN.md §2.3 level-2 topical tags: the categories citizens pick from; administrators edit them.
const categories: { key: string; zhCN: string; en: string; questions?: CategoryQuestion[] }[] = [
  { key: 'eight_point_rules', zhCN: '违反中央八项规定精神', en: 'Eight-point rules' },
  { key: 'formalism_bureaucratism', zhCN: '形式主义官僚主义', en: 'Formalism and bureaucratism' },
  { key: 'grassroots_misconduct', zhCN: '群众身边不正之风和腐败', en: 'Misconduct close to the people' },
  {
    key: 'rural_three_assets',
    zhCN: '农村“三资”管理',
    en: 'Village funds, assets and resources',
    questions: [
      { key: 'village', label: { zhCN: '涉及村（社区）', en: 'Village concerned' }, type: 'text', required: true },
      yesNo('disclosed', '是否已在村务公开栏公开', 'Was it published on the village board?'),
    ],
  },
  {
    key: 'welfare_subsidy',
    zhCN: '惠民补贴 / 低保',
    en: 'Welfare subsidies and minimum living allowance',
    questions: [
      {
        key: 'subsidyType',
        label: { zhCN: '补贴类型', en: 'Kind of subsidy' },
        type: 'select',
        required: true,
        options: [
          { zhCN: '低保', en: 'Minimum living allowance' },
          { zhCN: '特困供养', en: 'Extreme-poverty support' },
          { zhCN: '耕地地力补贴', en: 'Farmland subsidy' },
          { zhCN: '危房改造', en: 'Dangerous-housing renovation' },
          { zhCN: '其他', en: 'Other' },
        ],
      },
      yesNo('selfAffected', '本人是否为受影响人', 'Are you personally affected?'),
    ],
  },
  { key: 'public_welfare_post', zhCN: '公益性岗位', en: 'Public-welfare posts' },
  {
    key: 'construction',
    zhCN: '工程项目',
    en: 'Construction projects',
    questions: [{ key: 'projectName', label: { zhCN: '项目名称', en: 'Project name' }, type: 'text', required: false }],
  },
  { key: 'personnel', zhCN: '选人用人', en: 'Appointments and personnel' },
  { key: 'school_meals', zhCN: '校园餐', en: 'School meals' },
  { key: 'medical_insurance_fund', zhCN: '医保基金', en: 'Medical insurance fund' },
  { key: 'other', zhCN: '其他问题', en: 'Other' },
];

const templates = [
  {
    title: '查实答复',
    body: '您于{receivedDate}反映的问题（受理编号{receiptCode}）已办理完毕。经调查核实，您反映的问题基本属实，有关单位已依规依纪作出处理。感谢您对纪检监察工作的支持。',
  },
  {
    title: '未查实答复',
    body: '您于{receivedDate}反映的问题（受理编号{receiptCode}）已办理完毕。经调查核实，您反映的问题未发现违纪违法事实。如有新的证据材料，可继续向我们反映。',
  },
  {
    title: '不属受理范围告知',
    body: '您反映的问题不属于纪检监察机关受理范围，建议您向有权处理的机关反映，或通过诉讼、仲裁、行政复议等法定途径解决。',
  },
];

/** Default report categories and answer templates, once, on an empty database (production and demo alike). */
export async function seedPetitionDefaults(db: Database): Promise<void> {
  const [{ existing }] = await db.select({ existing: count() }).from(petitionCategories);
  if (existing === 0) {
    await db.insert(petitionCategories).values(
      categories.map((category, index) => ({
        key: category.key,
        labelZh: category.zhCN,
        labelEn: category.en,
        questions: category.questions ?? [],
        sortOrder: index * 10,
      })),
    );
  }
  const [{ templateCount }] = await db.select({ templateCount: count() }).from(answerTemplates);
  if (templateCount === 0) {
    await db.insert(answerTemplates).values(templates.map((template) => ({ ...template, createdAt: new Date('2026-01-01T00:00:00Z') })));
  }
}
