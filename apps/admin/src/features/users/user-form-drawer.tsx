import { useId, useMemo } from 'react';
import { Alert, App, Button, Col, Divider, Drawer, Flex, Form, Input, Row, Tag, Typography } from 'antd';
import type { Membership, User } from '@guantong/contracts';
import { isApiError } from '../../shared/api-client.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { maxLength, passwordRules, phoneRules, required, sameAsRule, usernameRules } from '../../shared/form-rules.ts';
import { rolesText } from '../../shared/labels.ts';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { organizationTreeOptions, useOrganizations } from '../organizations/organizations.api.ts';
import { MembershipsEditor, type MembershipValue } from './memberships-editor.tsx';
import { useCreateUser, useUpdateUser } from './users.api.ts';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  password: string;
  confirmPassword: string;
  memberships: MembershipValue[];
}

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User } | null;

/** Creating an account (with its first password and memberships) or editing name, phone and memberships. */
export function UserFormDrawer({ target, onClose, onSaved }: { target: UserFormTarget; onClose: () => void; onSaved?: (user: User) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const formId = `gt-user-form-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const organizations = useOrganizations({}, target !== null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target?.mode === 'edit' ? target.user : null;

  const visibleIds = useMemo(() => new Set((organizations.data ?? []).map((organization) => organization.id)), [organizations.data]);
  const options = useMemo(() => organizationTreeOptions(organizations.data ?? []), [organizations.data]);
  // Memberships in bodies outside the administrator's scope are shown but not sent: the server keeps them.
  const outOfScope: Membership[] = editing && organizations.data ? editing.memberships.filter((membership) => !visibleIds.has(membership.organizationId)) : [];

  const initialValues: Partial<Values> = editing
    ? {
        displayName: editing.displayName,
        phone: editing.phone ?? '',
        memberships: editing.memberships
          .filter((membership) => !organizations.data || visibleIds.has(membership.organizationId))
          .map((membership) => ({ organizationId: membership.organizationId, roles: membership.roles, grants: membership.grants, title: membership.title })),
      }
    : { memberships: [{ roles: [], grants: [] }] };

  const membershipsOf = (values: Values) =>
    values.memberships.map((membership) => ({
      organizationId: membership.organizationId!,
      roles: membership.roles ?? [],
      grants: membership.grants ?? [],
      title: membership.title?.trim() ? membership.title.trim() : null,
    }));

  const onFinish = async (values: Values) => {
    const phone = values.phone?.trim() ? values.phone.trim() : null;
    try {
      let saved: User;
      if (!editing) {
        saved = await create.mutateAsync({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          phone,
          password: values.password,
          memberships: membershipsOf(values),
        });
        void message.success(t('users.created', { name: saved.displayName }));
      } else {
        saved = await update.mutateAsync({
          id: editing.id,
          body: { version: editing.version, displayName: values.displayName.trim(), phone, memberships: membershipsOf(values) },
        });
        void message.success(t('users.updated', { name: saved.displayName }));
      }
      onSaved?.(saved);
      onClose();
    } catch (error) {
      onError(error, form);
      if (isApiError(error, 'USERNAME_TAKEN')) form.setFields([{ name: 'username', errors: [error.message] }]);
    }
  };

  const submitting = create.isPending || update.isPending;
  const ready = !editing || organizations.data !== undefined;

  return (
    <Drawer
      open={target !== null}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.create')}
      size={640}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: !submitting }}
      data-testid="user-form"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={submitting} disabled={!ready} data-testid="user-form-submit">
            {editing ? t('action.save') : t('users.createSubmit')}
          </Button>
        </Flex>
      }
    >
      {ready ? (
        <Form<Values> id={formId} form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues} scrollToFirstError preserve={false} clearOnDestroy>
          {editing ? (
            <Form.Item label={t('field.username')}>
              <Typography.Text code>{editing.username}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item name="username" label={t('field.username')} rules={usernameRules(t)} extra={t('validation.usernameHint')}>
              <Input autoFocus autoComplete="off" autoCapitalize="none" spellCheck={false} data-testid="user-username" />
            </Form.Item>
          )}
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="displayName" label={t('field.displayName')} rules={[required(t, t('field.displayName')), maxLength(t, 40)]}>
                <Input autoFocus={Boolean(editing)} data-testid="user-display-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label={t('field.phone')} rules={phoneRules(t)}>
                <Input inputMode="tel" maxLength={11} data-testid="user-phone" />
              </Form.Item>
            </Col>
          </Row>
          {editing ? null : (
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="password" label={t('field.initialPassword')} rules={passwordRules(t, t('field.initialPassword'))} extra={t('validation.passwordHint')}>
                  <Input.Password autoComplete="new-password" data-testid="user-password" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="confirmPassword"
                  label={t('field.confirmPassword')}
                  dependencies={['password']}
                  rules={[{ required: true, message: t('validation.required', { field: t('field.confirmPassword') }) }, sameAsRule(t, 'password')]}
                >
                  <Input.Password autoComplete="new-password" data-testid="user-password-confirm" />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Divider titlePlacement="start" style={{ marginTop: 4 }}>
            {t('users.memberships')}
          </Divider>
          {outOfScope.length ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('users.outOfScope')}
              description={
                <Flex vertical gap={4}>
                  {outOfScope.map((membership) => (
                    <span key={membership.id}>
                      {membership.organizationName} <Tag>{rolesText(membership.roles, locale)}</Tag>
                    </span>
                  ))}
                </Flex>
              }
            />
          ) : null}
          <MembershipsEditor organizationOptions={options} loading={organizations.isLoading} />
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      )}
    </Drawer>
  );
}
