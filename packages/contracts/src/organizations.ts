import { z } from 'zod';
import { text } from './common.ts';
import type { LocalizedText } from './i18n.ts';

// GB/T 2260 codes: 6 digits down to county level; township 9 and village 12 follow the statistical division codes.
export const regionLevels = ['province', 'city', 'county', 'township', 'village'] as const;
export const RegionLevelSchema = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;
export const regionLevelLabels = {
  province: { zhCN: '省', en: 'Province' },
  city: { zhCN: '市', en: 'City' },
  county: { zhCN: '县（区）', en: 'County' },
  township: { zhCN: '乡镇（街道）', en: 'Township / street' },
  village: { zhCN: '村（社区）', en: 'Village / community' },
} as const satisfies Record<RegionLevel, LocalizedText>;
export const regionCodeLength = { province: 6, city: 6, county: 6, township: 9, village: 12 } as const satisfies Record<RegionLevel, number>;

export const organizationTypes = [
  'discipline_commission',
  'petition_report_office',
  'case_management_office',
  'supervision_office',
  'investigation_office',
  'case_hearing_office',
  'general_office',
  'dispatched_discipline_group',
  'township_discipline_committee',
  'peoples_congress',
  'cppcc',
  'organization_department',
  'audit_bureau',
  'inspection_office',
  'inspection_team',
  'village_supervision_committee',
] as const;
export const OrganizationTypeSchema = z.enum(organizationTypes);
export type OrganizationType = z.infer<typeof OrganizationTypeSchema>;
export const organizationTypeLabels = {
  discipline_commission: { zhCN: '纪委监委', en: 'Discipline inspection & supervision commission' },
  petition_report_office: { zhCN: '信访室', en: 'Petition and report office' },
  case_management_office: { zhCN: '案件监督管理室', en: 'Case management office' },
  supervision_office: { zhCN: '监督检查室', en: 'Supervision office' },
  investigation_office: { zhCN: '审查调查室', en: 'Investigation office' },
  case_hearing_office: { zhCN: '案件审理室', en: 'Case hearing office' },
  general_office: { zhCN: '办公室', en: 'General office' },
  dispatched_discipline_group: { zhCN: '派驻纪检监察组', en: 'Dispatched discipline group' },
  township_discipline_committee: { zhCN: '乡镇（街道）纪（工）委', en: 'Township discipline committee' },
  peoples_congress: { zhCN: '人大常委会', en: "People's congress standing committee" },
  cppcc: { zhCN: '政协', en: 'CPPCC committee' },
  organization_department: { zhCN: '党委组织部', en: 'Organization department' },
  audit_bureau: { zhCN: '审计局', en: 'Audit bureau' },
  inspection_office: { zhCN: '巡察办', en: 'Inspection office' },
  inspection_team: { zhCN: '巡察组', en: 'Inspection team' },
  village_supervision_committee: { zhCN: '村务监督委员会', en: 'Village affairs supervision committee' },
} as const satisfies Record<OrganizationType, LocalizedText>;

export const RegionSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    code: z.string(),
    name: z.string(),
    level: RegionLevelSchema,
  })
  .meta({ id: 'Region' });
export type Region = z.infer<typeof RegionSchema>;

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    regionId: z.uuid(),
    regionName: z.string(),
    code: z.string().describe('Unique code of the body within the platform'),
    name: z.string(),
    shortName: z.string().nullable(),
    type: OrganizationTypeSchema,
    depth: z.number().int(),
    memberCount: z.number().int(),
    version: z.number().int().describe('Send back when updating; a mismatch answers 409 VERSION_CONFLICT'),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof OrganizationSchema>;

export const CreateOrganizationBodySchema = z
  .strictObject({
    parentId: z.uuid().nullable(),
    regionId: z.uuid(),
    code: z.string().trim().regex(/^[A-Za-z0-9_-]{2,40}$/, 'letters, digits, - or _ (2–40)'),
    name: text(100),
    shortName: text(40).nullable().optional(),
    type: OrganizationTypeSchema,
  })
  .meta({ id: 'CreateOrganizationBody' });
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBodySchema>;

export const UpdateOrganizationBodySchema = CreateOrganizationBodySchema.omit({ code: true })
  .partial()
  .extend({ version: z.number().int() })
  .strict()
  .meta({ id: 'UpdateOrganizationBody' });
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBodySchema>;

export const OrganizationListQuerySchema = z.object({
  search: z.string().trim().max(50).optional(),
  type: OrganizationTypeSchema.optional(),
});
