import { App, Button, Card, Empty, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { PetitionDetail } from '@guantong/contracts';
import { useI18n } from '../../../shared/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { maxLength, required } from '../../../shared/form-rules.ts';
import { useAddPetitionNote } from '../petitions.api.ts';
import { usePetitionErrorHandler } from './use-petition-error.ts';

/** Internal notes between officers; the reporter never sees them. The form is there where the server allows `addNote`. */
export function NotesCard({ petition }: { petition: PetitionDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ body: string }>();
  const add = useAddPetitionNote(petition.id);
  const onError = usePetitionErrorHandler(petition.id);

  const onFinish = async ({ body }: { body: string }) => {
    try {
      await add.mutateAsync({ body: body.trim() });
      form.resetFields();
      void message.success(t('petitions.noteAdded'));
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <Card
      size="small"
      title={t('petitions.section.notes')}
      extra={
        <Tag icon={<LockOutlined />} color="red">
          {t('petitions.internalOnly')}
        </Tag>
      }
      data-testid="petition-notes"
    >
      {petition.notes.length ? (
        <List
          size="small"
          dataSource={petition.notes}
          renderItem={(note) => (
            <List.Item>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {note.authorName} · {formatDateTime(note.createdAt)}
                </Typography.Text>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{note.body}</Typography.Paragraph>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petitions.noNotes')} />
      )}
      {petition.capabilities.addNote ? (
        <Form form={form} name="petition-note" layout="vertical" onFinish={onFinish} style={{ marginTop: 12 }}>
          <Form.Item name="body" rules={[required(t, t('petitions.note')), maxLength(t, 2000)]} style={{ marginBottom: 8 }}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('petitions.notePlaceholder')} aria-label={t('petitions.note')} data-testid="note-input" />
          </Form.Item>
          <Flex justify="flex-end">
            <Button htmlType="submit" loading={add.isPending} data-testid="note-submit">
              {t('petitions.addNote')}
            </Button>
          </Flex>
        </Form>
      ) : null}
    </Card>
  );
}
