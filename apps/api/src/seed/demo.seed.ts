import { count } from 'drizzle-orm';
import type { MembershipGrant, OrganizationType, RegionLevel, Role } from '@guantong/contracts';
import type { Database } from '../platform/db/client.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { organizations, regions } from '../platform/identity/organizations.table.ts';
import { memberships, users } from '../platform/identity/users.table.ts';

/** Every demo account signs in with this password (printed in the README). */
export const DEMO_PASSWORD = 'Guantong@2026';

interface RegionSpec {
  code: string;
  name: string;
  level: RegionLevel;
  children?: RegionSpec[];
}

// A fictional province and city: codes in GB/T 2260 form under the unused prefix 99.
const regionTree: RegionSpec = {
  code: '990000',
  name: '东川省',
  level: 'province',
  children: [
    {
      code: '990100',
      name: '清源市',
      level: 'city',
      children: [
        {
          code: '990102',
          name: '南岭区',
          level: 'county',
          children: [
            { code: '990102001', name: '桂花街道', level: 'township', children: [{ code: '990102001001', name: '桂花社区', level: 'village' }] },
            { code: '990102101', name: '石门镇', level: 'township', children: [{ code: '990102101201', name: '石门村', level: 'village' }] },
          ],
        },
        {
          code: '990121',
          name: '临溪县',
          level: 'county',
          children: [
            {
              code: '990121101',
              name: '溪口镇',
              level: 'township',
              children: [
                { code: '990121101201', name: '溪口村', level: 'village' },
                { code: '990121101202', name: '柳湾村', level: 'village' },
              ],
            },
            { code: '990121201', name: '白沙乡', level: 'township', children: [{ code: '990121201201', name: '白沙村', level: 'village' }] },
          ],
        },
        {
          code: '990122',
          name: '青石县',
          level: 'county',
          children: [
            { code: '990122101', name: '青石镇', level: 'township', children: [{ code: '990122101201', name: '东岗村', level: 'village' }] },
            { code: '990122201', name: '云台乡', level: 'township', children: [{ code: '990122201201', name: '云台村', level: 'village' }] },
          ],
        },
      ],
    },
  ],
};

interface BodySpec {
  code: string;
  name: string;
  shortName?: string;
  type: OrganizationType;
  region: string;
  children?: BodySpec[];
}

function countyBodies(prefix: string, region: string, name: string, townships: { region: string; name: string; villages: { region: string; name: string }[] }[]): BodySpec {
  return {
    code: `${prefix}-jw`,
    name: `${name}纪委监委`,
    shortName: `${name}纪委`,
    type: 'discipline_commission',
    region,
    children: [
      { code: `${prefix}-xfs`, name: `${name}纪委监委信访室`, type: 'petition_report_office', region },
      { code: `${prefix}-ggs`, name: `${name}纪委监委案件监督管理室`, type: 'case_management_office', region },
      { code: `${prefix}-jcs`, name: `${name}纪委监委第一监督检查室`, type: 'supervision_office', region },
      ...townships.map((township, index) => ({
        code: `${prefix}-t${index + 1}`,
        name: `${township.name}纪委`,
        type: 'township_discipline_committee' as const,
        region: township.region,
        children: township.villages.map((village, villageIndex) => ({
          code: `${prefix}-t${index + 1}-v${villageIndex + 1}`,
          name: `${village.name}村务监督委员会`,
          type: 'village_supervision_committee' as const,
          region: village.region,
        })),
      })),
    ],
  };
}

const bodies: BodySpec[] = [
  {
    code: 'qy-jw',
    name: '清源市纪委监委',
    shortName: '市纪委监委',
    type: 'discipline_commission',
    region: '990100',
    children: [
      { code: 'qy-bgs', name: '市纪委监委办公室', type: 'general_office', region: '990100' },
      { code: 'qy-xfs', name: '市纪委监委信访室', type: 'petition_report_office', region: '990100' },
      { code: 'qy-ggs', name: '市纪委监委案件监督管理室', type: 'case_management_office', region: '990100' },
      { code: 'qy-jcs1', name: '市纪委监委第一监督检查室', type: 'supervision_office', region: '990100' },
      { code: 'qy-jcs2', name: '市纪委监委第二监督检查室', type: 'supervision_office', region: '990100' },
      { code: 'qy-scs1', name: '市纪委监委第一审查调查室', type: 'investigation_office', region: '990100' },
      { code: 'qy-sls', name: '市纪委监委案件审理室', type: 'case_hearing_office', region: '990100' },
      { code: 'qy-pz-jy', name: '市纪委监委派驻市教育局纪检监察组', type: 'dispatched_discipline_group', region: '990100' },
      { code: 'qy-pz-wj', name: '市纪委监委派驻市卫生健康委纪检监察组', type: 'dispatched_discipline_group', region: '990100' },
      countyBodies('nl', '990102', '南岭区', [
        { region: '990102001', name: '桂花街道', villages: [{ region: '990102001001', name: '桂花社区' }] },
        { region: '990102101', name: '石门镇', villages: [{ region: '990102101201', name: '石门村' }] },
      ]),
      countyBodies('lx', '990121', '临溪县', [
        { region: '990121101', name: '溪口镇', villages: [{ region: '990121101201', name: '溪口村' }, { region: '990121101202', name: '柳湾村' }] },
        { region: '990121201', name: '白沙乡', villages: [{ region: '990121201201', name: '白沙村' }] },
      ]),
      countyBodies('qs', '990122', '青石县', [
        { region: '990122101', name: '青石镇', villages: [{ region: '990122101201', name: '东岗村' }] },
        { region: '990122201', name: '云台乡', villages: [{ region: '990122201201', name: '云台村' }] },
      ]),
    ],
  },
  // Partner bodies stand outside the commission's tree; they share work through joint tasks, not through scope.
  { code: 'qy-rd', name: '清源市人大常委会', type: 'peoples_congress', region: '990100' },
  { code: 'qy-zx', name: '政协清源市委员会', type: 'cppcc', region: '990100' },
  { code: 'qy-zzb', name: '中共清源市委组织部', type: 'organization_department', region: '990100' },
  { code: 'qy-sjj', name: '清源市审计局', type: 'audit_bureau', region: '990100' },
  {
    code: 'qy-xcb',
    name: '中共清源市委巡察工作领导小组办公室',
    shortName: '市委巡察办',
    type: 'inspection_office',
    region: '990100',
    children: [{ code: 'qy-xcz1', name: '市委第一巡察组', type: 'inspection_team', region: '990100' }],
  },
];

interface AccountSpec {
  username: string;
  displayName: string;
  phone: string;
  memberships: { body: string; roles: Role[]; title: string; grants?: MembershipGrant[] }[];
}

/** One demo account per role, plus county and multi-body accounts to show scoping and the body switcher. */
export const demoAccounts: AccountSpec[] = [
  { username: 'admin', displayName: '系统管理员', phone: '13900000001', memberships: [{ body: 'qy-jw', roles: ['administrator'], title: '信息化管理员' }] },
  { username: 'leader', displayName: '张建国', phone: '13900000002', memberships: [{ body: 'qy-jw', roles: ['leader'], title: '市纪委副书记、市监委副主任' }] },
  { username: 'intake', displayName: '王静', phone: '13900000003', memberships: [{ body: 'qy-xfs', roles: ['intake_officer'], title: '信访室副主任', grants: ['reporter_identity'] }] },
  { username: 'casemgr', displayName: '刘洋', phone: '13900000004', memberships: [{ body: 'qy-ggs', roles: ['case_management_officer'], title: '案管室一级主任科员' }] },
  { username: 'handler', displayName: '陈明', phone: '13900000005', memberships: [{ body: 'qy-jcs1', roles: ['handling_officer'], title: '第一监督检查室干部' }] },
  { username: 'partner', displayName: '李娜', phone: '13900000006', memberships: [{ body: 'qy-sjj', roles: ['partner_officer'], title: '审计局经济责任审计科科长' }] },
  { username: 'supervisor', displayName: '赵文华', phone: '13900000007', memberships: [{ body: 'qy-jw', roles: ['special_supervisor'], title: '特约监察员（市人大代表）' }] },
  { username: 'villager', displayName: '孙立', phone: '13900000008', memberships: [{ body: 'lx-t1-v1', roles: ['village_monitor'], title: '溪口村村务监督委员会主任' }] },
  { username: 'lx.intake', displayName: '黄丽', phone: '13900000009', memberships: [{ body: 'lx-xfs', roles: ['intake_officer'], title: '临溪县纪委监委信访室干部' }] },
  { username: 'lx.admin', displayName: '何平', phone: '13900000010', memberships: [{ body: 'lx-jw', roles: ['administrator', 'leader'], title: '临溪县纪委常委' }] },
  {
    username: 'xk.officer',
    displayName: '吴敏',
    phone: '13900000012',
    memberships: [{ body: 'lx-t1', roles: ['intake_officer', 'handling_officer'], title: '溪口镇纪委副书记' }],
  },
  { username: 'xk.leader', displayName: '郑强', phone: '13900000013', memberships: [{ body: 'lx-t1', roles: ['leader'], title: '溪口镇纪委书记' }] },
  // The clue ledger's approval chain: the head of the commission (主要负责人), an office head, a dispatched group.
  {
    username: 'secretary',
    displayName: '周正',
    phone: '13900000014',
    memberships: [{ body: 'qy-jw', roles: ['leader'], title: '市纪委书记、市监委主任', grants: ['principal_leader'] }],
  },
  { username: 'jcs.head', displayName: '林海', phone: '13900000015', memberships: [{ body: 'qy-jcs1', roles: ['leader'], title: '第一监督检查室主任' }] },
  { username: 'pz.jy', displayName: '许诺', phone: '13900000016', memberships: [{ body: 'qy-pz-jy', roles: ['handling_officer'], title: '派驻市教育局纪检监察组干部' }] },
  {
    username: 'zhoutao',
    displayName: '周涛',
    phone: '13900000011',
    memberships: [
      { body: 'qs-jw', roles: ['handling_officer'], title: '青石县纪委监委干部' },
      { body: 'qs-t1', roles: ['leader'], title: '青石镇纪委书记' },
    ],
  },
];

/** Fills an empty database with the fictional city of 清源; does nothing if any body exists. */
export async function seedDemoData(db: Database): Promise<boolean> {
  const [{ total }] = await db.select({ total: count() }).from(organizations);
  if (total > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const regionIds = new Map<string, string>();
    const insertRegion = async (spec: RegionSpec, parentId: string | null) => {
      const [row] = await tx.insert(regions).values({ code: spec.code, name: spec.name, level: spec.level, parentId }).returning({ id: regions.id });
      regionIds.set(spec.code, row.id);
      for (const child of spec.children ?? []) await insertRegion(child, row.id);
    };
    await insertRegion(regionTree, null);

    const bodyIds = new Map<string, string>();
    const insertBody = async (spec: BodySpec, parent: { id: string; path: string; depth: number } | null) => {
      const id = crypto.randomUUID();
      const path = `${parent?.path ?? '/'}${id}/`;
      const depth = parent ? parent.depth + 1 : 0;
      await tx.insert(organizations).values({
        id,
        parentId: parent?.id ?? null,
        regionId: regionIds.get(spec.region)!,
        code: spec.code,
        name: spec.name,
        shortName: spec.shortName ?? null,
        type: spec.type,
        path,
        depth,
      });
      bodyIds.set(spec.code, id);
      for (const child of spec.children ?? []) await insertBody(child, { id, path, depth });
    };
    for (const body of bodies) await insertBody(body, null);

    for (const account of demoAccounts) {
      const [user] = await tx
        .insert(users)
        .values({ username: account.username, displayName: account.displayName, phone: account.phone, passwordHash })
        .returning({ id: users.id });
      for (const membership of account.memberships) {
        await tx.insert(memberships).values({ userId: user.id, organizationId: bodyIds.get(membership.body)!, roles: membership.roles, grants: membership.grants ?? [], title: membership.title });
      }
    }
  });
  return true;
}
