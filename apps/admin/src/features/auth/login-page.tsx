import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { ApiRequestError, callApi } from '../../shared/api-client.ts';
import { useT } from '../../shared/i18n.tsx';
import { required, totpRules } from '../../shared/form-rules.ts';
import { useSession } from '../../shared/session.tsx';
import { takeSessionEndedReason } from '../../shared/session-ended.ts';
import { Brand } from '../../app/layout/app-layout.tsx';
import { LanguageToggle } from '../../app/layout/language-toggle.tsx';
import { FullPageSpin, safeRedirect } from '../../app/access.tsx';

interface PasswordValues {
  username: string;
  password: string;
}

/** Sign-in: username and password, then a one-time code when the account has two-factor sign-in. */
export function LoginPage() {
  const t = useT();
  const { session, loading, acceptSession } = useSession();
  const [searchParams] = useSearchParams();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice] = useState(() => takeSessionEndedReason());
  const [passwordForm] = Form.useForm<PasswordValues>();
  const [totpForm] = Form.useForm<{ code: string }>();

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  if (loading) return <FullPageSpin />;
  if (session) return <Navigate to={safeRedirect(searchParams.get('redirect'))} replace />;

  const fail = (caught: unknown) => {
    setError(caught instanceof ApiRequestError ? caught.message : t('error.unexpected'));
  };

  const onPassword = async (values: PasswordValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const result = await callApi('login', { body: { username: values.username.trim().toLowerCase(), password: values.password } });
      if (result.status === 'totp_required') {
        setStep('totp');
        totpForm.resetFields();
      } else {
        await acceptSession(result.session);
      }
    } catch (caught) {
      fail(caught);
      passwordForm.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  const onCode = async ({ code }: { code: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      await acceptSession(await callApi('verifyTotp', { body: { code: code.trim() } }));
    } catch (caught) {
      fail(caught);
      // The pending sign-in is gone: start over with the password.
      if (caught instanceof ApiRequestError && caught.code === 'TOTP_NOT_PENDING') setStep('password');
      totpForm.setFieldValue('code', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="gt-login">
      <Flex justify="space-between" align="center" style={{ padding: '16px 24px' }}>
        <Brand light />
        <LanguageToggle />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
        <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 12px 40px rgba(15, 36, 64, 0.18)' }} data-testid="login-card">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {step === 'password' ? t('login.title') : t('login.totpTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{step === 'password' ? t('login.subtitle') : t('login.totpSubtitle')}</Typography.Paragraph>
          {notice && !error ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="login-notice" /> : null}
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" /> : null}

          {step === 'password' ? (
            <Form<PasswordValues> form={passwordForm} layout="vertical" onFinish={onPassword} requiredMark={false} data-testid="login-form" size="large">
              <Form.Item name="username" label={t('field.username')} rules={[required(t, t('field.username'))]}>
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} data-testid="login-username" />
              </Form.Item>
              <Form.Item name="password" label={t('field.password')} rules={[{ required: true, message: t('validation.required', { field: t('field.password') }) }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form>
          ) : (
            <Form<{ code: string }> form={totpForm} layout="vertical" onFinish={onCode} requiredMark={false} data-testid="totp-form" size="large">
              <Form.Item name="code" label={t('field.totpCode')} rules={totpRules(t)}>
                <Input
                  prefix={<SafetyCertificateOutlined />}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  autoFocus
                  data-testid="login-totp"
                  style={{ letterSpacing: 4 }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-totp-submit">
                {t('login.verify')}
              </Button>
              <Button
                type="link"
                block
                style={{ marginTop: 8 }}
                onClick={() => {
                  setStep('password');
                  setError(null);
                }}
              >
                {t('login.back')}
              </Button>
            </Form>
          )}
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16, fontSize: 12 }}>
        {t('login.footer')}
      </Typography.Text>
    </div>
  );
}
