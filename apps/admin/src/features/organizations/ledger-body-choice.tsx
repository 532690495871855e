import { useSearchParams } from 'react-router';
import { Flex, Select, Typography } from 'antd';
import { clueLedgerBodyTypes } from '@guantong/contracts';
import { useSession } from '../../shared/session.tsx';
import { useOrganizations } from './organizations.api.ts';

/**
 * The commissions and township committees (clue ledgers, issuing bodies) the reader may see, with one chosen and kept
 * in the URL under `param`: by default the reader's own body when it is one, else the first. Settings that such a
 * body sets for itself and the bodies below it (approval chains, document templates) are edited per chosen body.
 */
export function useLedgerBodyChoice(param: string) {
  const { activeMembership } = useSession();
  const [params, setParams] = useSearchParams();
  const bodies = useOrganizations();
  const ledgers = (bodies.data ?? []).filter((body) => (clueLedgerBodyTypes as readonly string[]).includes(body.type));
  const organizationId = params.get(param) ?? ledgers.find((body) => body.id === activeMembership?.organizationId)?.id ?? ledgers[0]?.id;
  const choose = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(param, id);
        return next;
      },
      { replace: true },
    );
  return { bodies, ledgers, organizationId, choose, nameOf: (id: string) => ledgers.find((body) => body.id === id)?.name ?? '' };
}

/** The picker of `useLedgerBodyChoice`, with its label and a hint beside it. */
export function LedgerBodySelect({ choice, label, hint, testId }: { choice: ReturnType<typeof useLedgerBodyChoice>; label: string; hint: string; testId: string }) {
  return (
    <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
      <Typography.Text>{label}</Typography.Text>
      <Select
        value={choice.organizationId}
        onChange={(value: string) => choice.choose(value)}
        options={choice.ledgers.map((body) => ({ value: body.id, label: body.name }))}
        loading={choice.bodies.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 240 }}
        aria-label={label}
        data-testid={testId}
      />
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Flex>
  );
}
