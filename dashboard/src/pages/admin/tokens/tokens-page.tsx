/**
 * `/admin/tokens`: API tokens for integrations. Create one (shown once, with a copy button
 * and a curl example), see when each was last used, revoke after a confirmation.
 */
import { useCallback, useState } from 'preact/hooks';
import { integrations, type ApiToken } from '../../../api/integrations.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import { ConfirmButton, EntityTable, ListHeader, useEntityList, useSave } from '../ui/index.ts';
import { CodeExample, ShownOnce } from '../webhooks/shown-once.tsx';
import { tokenBody, TokenForm, type TokenDraft } from './token-form.tsx';

export function TokensPage() {
  const { t, dateTime } = useI18n();
  const list = useEntityList(useCallback(() => integrations.tokens(), []));
  const save = useSave();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  async function submit(d: TokenDraft) {
    const box: { answer?: { apiToken: ApiToken; token: string } } = {};
    const ok = await save.run(async () => {
      box.answer = await integrations.createToken(tokenBody(d));
    }, t('integrations.tokens.created', { name: d.name }));
    if (!ok || !box.answer) return;
    const { apiToken, token } = box.answer;
    setCreating(false);
    setCreated({ name: apiToken.name, token });
    await list.reload();
  }
  async function revoke(token: ApiToken) {
    if (await save.run(() => integrations.revokeToken(token.id), t('integrations.tokens.revoked', { name: token.name }))) await list.reload();
  }
  const curl = created && `curl -H "Authorization: Bearer ${created.token}" ${location.origin}/api/tickets?status=open`;

  return (
    <AdminLayout title={t('integrations.tokens.title')}>
      <p class="muted">{t('integrations.tokens.intro')}</p>
      {created && curl && (
        <ShownOnce
          title={t('integrations.tokens.tokenTitle', { name: created.name })} value={created.token}
          copyLabel={t('integrations.tokens.copyToken')} onDone={() => setCreated(null)}
        >
          <CodeExample label={t('integrations.tokens.curl')} code={curl} />
        </ShownOnce>
      )}
      {save.formError && !creating && <p class="form-error" role="alert">{save.formError}</p>}
      {creating && (
        <TokenForm
          errors={save.errors} saving={save.saving} formError={save.formError} onSave={(d) => void submit(d)}
          onCancel={() => {
            save.clear();
            setCreating(false);
          }}
        />
      )}
      {list.error ? <ErrorState error={list.error} retry={() => void list.reload()} /> : !list.data ? <Loading /> : (
        <>
          <ListHeader
            count={t('integrations.tokens.count', { count: list.data.filter((x) => !x.revokedAt).length })}
            newLabel={t('integrations.tokens.new')} onNew={creating ? undefined : () => setCreating(true)}
          />
          <EntityTable<ApiToken>
            caption={t('integrations.tokens.title')} rows={list.data} empty={t('integrations.tokens.empty')}
            columns={[
              { key: 'name', label: t('integrations.tokens.name'), render: (x) => <bdi>{x.name}</bdi> },
              { key: 'role', label: t('integrations.tokens.role'), render: (x) => t(`integrations.role.${x.role}`) },
              { key: 'scopes', label: t('integrations.tokens.scopes'), render: (x) => (x.scopes.length ? <code dir="ltr" class="wrap-anywhere">{x.scopes.join(' ')}</code> : t('integrations.tokens.wholeRoleShort')) },
              { key: 'created', label: t('integrations.tokens.createdAt'), render: (x) => dateTime(x.createdAt) },
              { key: 'used', label: t('integrations.tokens.lastUsed'), render: (x) => (x.lastUsedAt ? dateTime(x.lastUsedAt) : t('integrations.tokens.never')) },
              {
                key: 'state', label: t('integrations.tokens.state'),
                render: (x) => (x.revokedAt
                  ? <span class="badge badge-revoked">{t('integrations.tokens.revokedAt', { at: dateTime(x.revokedAt) })}</span>
                  : <span class="badge badge-on">{t('integrations.tokens.active')}</span>),
              },
            ]}
            actions={(x) => (x.revokedAt ? null : (
              <ConfirmButton question={t('integrations.tokens.revokeQuestion', { name: x.name })} onConfirm={() => revoke(x)}>{t('integrations.tokens.revoke')}</ConfirmButton>
            ))}
          />
        </>
      )}
    </AdminLayout>
  );
}
