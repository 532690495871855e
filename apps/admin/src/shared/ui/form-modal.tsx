import { useId, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useT } from '../i18n.tsx';

export interface FormModalProps<T> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  onCancel: () => void;
  onFinish: (values: T) => void | Promise<void>;
  submitting?: boolean;
  okText?: string;
  width?: number;
  initialValues?: Partial<T>;
  testId?: string;
  children: ReactNode;
}

/**
 * A modal whose OK button submits the form inside (so Enter in any field submits too, and the rules run first).
 * The form is rebuilt each time the modal opens, starting from `initialValues`.
 */
export function FormModal<T extends object>({ open, title, form, onCancel, onFinish, submitting, okText, width, initialValues, testId, children }: FormModalProps<T>) {
  const t = useT();
  const formId = `gt-form-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onCancel}
      okText={okText ?? t('action.save')}
      cancelText={t('action.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: submitting, ...(testId ? { 'data-testid': `${testId}-submit` } : {}) }}
      destroyOnHidden
      mask={{ closable: !submitting }}
      data-testid={testId}
    >
      <Form<T> id={formId} form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues} requiredMark scrollToFirstError preserve={false} clearOnDestroy style={{ marginTop: 12 }}>
        {children}
      </Form>
    </Modal>
  );
}
