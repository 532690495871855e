import { Button, Card, Checkbox, Col, Empty, Form, Input, Row, Select, TreeSelect, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { membershipGrants, roles, type MembershipGrant, type Role } from '@guantong/contracts';
import { useI18n } from '../../shared/i18n.tsx';
import { maxLength } from '../../shared/form-rules.ts';
import { membershipGrantLabel, roleLabel } from '../../shared/labels.ts';
import type { TreeOption } from '../organizations/organizations.api.ts';

export interface MembershipValue {
  organizationId?: string;
  roles?: Role[];
  grants?: MembershipGrant[];
  title?: string | null;
}

/** Roles per body: one row per body with its roles, grants beyond them and post title (Form.List `memberships`). */
export function MembershipsEditor({ organizationOptions, loading }: { organizationOptions: TreeOption[]; loading?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Form.List
      name="memberships"
      rules={[
        {
          validator: async (_rule, value: MembershipValue[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('users.membershipsRequired'));
            const bodies = value.map((membership) => membership?.organizationId).filter(Boolean);
            if (new Set(bodies).size !== bodies.length) throw new Error(t('users.membershipsDuplicate'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="memberships-editor">
          {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.noMemberships')} /> : null}
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12, background: '#fafbfc' }}
              title={<Typography.Text type="secondary">{t('users.membershipN', { n: index + 1 })}</Typography.Text>}
              extra={
                <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('users.removeMembership')}>
                  {t('action.remove')}
                </Button>
              }
              data-testid={`membership-${index}`}
            >
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[field.name, 'organizationId']}
                    label={t('field.organization')}
                    rules={[{ required: true, message: t('validation.required', { field: t('field.organization') }) }]}
                  >
                    <TreeSelect
                      showSearch={{ treeNodeFilterProp: 'title' }}
                      treeData={organizationOptions}
                      treeDefaultExpandAll
                      loading={loading}
                      placeholder={t('users.pickOrganization')}
                      popupMatchSelectWidth={false}
                      data-testid={`membership-${index}-organization`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[field.name, 'roles']}
                    label={t('field.roles')}
                    rules={[
                      { required: true, type: 'array', min: 1, message: t('validation.required', { field: t('field.roles') }) },
                      { type: 'array', max: 8, message: t('validation.maxItems', { max: 8 }) },
                    ]}
                  >
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder={t('users.pickRoles')}
                      options={roles.map((role) => ({ value: role, label: roleLabel(role, locale) }))}
                      showSearch={{ optionFilterProp: 'label' }}
                      data-testid={`membership-${index}-roles`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name={[field.name, 'title']} label={t('field.postTitle')} rules={[maxLength(t, 40)]}>
                    <Input placeholder={t('users.postTitlePlaceholder')} data-testid={`membership-${index}-title`} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  {/* Reading sealed reporter identity is granted per body, on top of the intake role (every reading is logged). */}
                  <Form.Item name={[field.name, 'grants']} label={t('users.grants')} extra={t('users.grantsHint')} style={{ marginBottom: 0 }}>
                    <Checkbox.Group
                      options={membershipGrants.map((grant) => ({
                        value: grant,
                        label: <span data-testid={`membership-${index}-grant-${grant}`}>{membershipGrantLabel(grant, locale)}</span>,
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ roles: [], grants: [] })} data-testid="add-membership">
            {t('users.addMembership')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
