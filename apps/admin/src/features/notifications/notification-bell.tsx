import { useState } from 'react';
import { Badge, Button, Empty, List, Popover, Spin, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useT } from '../../shared/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { useLatestNotifications, useMarkRead, useUnreadCount } from './notifications.api.ts';

/** Header bell: unread reminders and 督办 escalations for the signed-in person. */
export function NotificationBell() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useLatestNotifications(open);
  const markRead = useMarkRead();
  const onError = useApiErrorHandler();
  const count = unread.data?.unread ?? 0;

  const content = (
    <div style={{ width: 340 }} data-testid="notification-list">
      {latest.isLoading ? (
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      ) : latest.data && latest.data.items.length > 0 ? (
        <List
          size="small"
          dataSource={latest.data.items}
          renderItem={(item) => (
            <List.Item
              style={{ cursor: item.readAt ? 'default' : 'pointer', opacity: item.readAt ? 0.6 : 1 }}
              onClick={() => (item.readAt ? undefined : markRead.mutate(item.id, { onError: (error) => onError(error) }))}
            >
              <List.Item.Meta
                title={
                  <span>
                    <Tag color={item.kind === 'deadline.escalation' ? 'red' : 'orange'}>
                      {t(item.kind === 'deadline.escalation' ? 'notifications.escalation' : 'notifications.reminder')}
                    </Tag>
                    {/* The kind tag already says 超期督办 / 到期提醒 when the title is just that. */}
                    {item.title === t(item.kind === 'deadline.escalation' ? 'notifications.escalation' : 'notifications.reminder') ? null : item.title}
                  </span>
                }
                description={
                  <>
                    <Typography.Text type="secondary">{item.body}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(item.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
      {count > 0 ? (
        <Button type="link" block onClick={() => markRead.mutate('all', { onError: (error) => onError(error) })} data-testid="notifications-read-all">
          {t('notifications.readAll')}
        </Button>
      ) : null}
    </div>
  );

  return (
    <Popover content={content} title={t('notifications.title')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" aria-label={t('notifications.title')} data-testid="notification-bell">
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
