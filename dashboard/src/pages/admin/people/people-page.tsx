/** `/admin/people`: users (roles, sites, languages, capacity) and teams (members and their summed capacity). */
import { useState } from 'preact/hooks';
import { admin, type AdminTeam, type AdminUser } from '../../../api/admin.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { LOCALE_NAMES, type Locale } from '../../../i18n/locales.ts';
import { ErrorState, Loading } from '../../../ui/states.tsx';
import { AdminLayout } from '../admin-layout.tsx';
import '../pages.css';
import { ConfirmButton, EntityTable, ListHeader, useLoad, useSave } from '../ui/index.ts';
import { teamBody, TeamForm, type TeamDraft } from './team-form.tsx';
import { newUser, userBody, userDraft, UserForm, type UserDraft } from './user-form.tsx';

type Team = AdminTeam & { memberIds: string[] };
type Editing = { kind: 'user'; draft: UserDraft } | { kind: 'team'; draft: TeamDraft } | null;

const loadAll = async () => {
  const [users, teams, sites] = await Promise.all([admin.users.list(), admin.teams.list(), admin.sites.list()]);
  const withMembers: Team[] = await Promise.all(teams.map(async (team) => ({ ...team, memberIds: (await admin.members(team.id)).items.map((u) => u.id) })));
  return { users, teams: withMembers, sites };
};

export function PeoplePage() {
  const { t } = useI18n();
  const list = useLoad(loadAll);
  const save = useSave();
  const [editing, setEditing] = useState<Editing>(null);
  const data = list.data;

  const open = (next: Editing) => {
    save.clear();
    setEditing(next);
  };
  const done = async (ok: boolean) => {
    if (!ok) return;
    setEditing(null);
    await list.reload();
  };
  const submitUser = async (d: UserDraft) => {
    const body = userBody(d);
    await done(await save.run(() => (d.id ? admin.users.update(d.id, body) : admin.users.create(body)), t('admin.user.saved', { name: body.name })));
  };
  const submitTeam = async (d: TeamDraft) => {
    const body = teamBody(d);
    await done(await save.run(async () => {
      const team = d.id ? await admin.teams.update(d.id, body) : await admin.teams.create(body);
      await admin.setMembers(team.id, d.memberIds);
    }, t('admin.team.saved', { name: body.name })));
  };
  const removeTeam = (team: Team) => save.run(async () => {
    await admin.teams.remove(team.id);
    await list.reload();
  }, t('admin.team.deleted', { name: team.name }));

  const siteName = (id: string | null) => data?.sites.find((s) => s.id === id)?.name;
  const teamCapacity = (team: Team) => data!.users.filter((u) => team.memberIds.includes(u.id) && !u.disabled).reduce((sum, u) => sum + u.capacity, 0);
  const memberNames = (team: Team) => data!.users.filter((u) => team.memberIds.includes(u.id)).map((u) => u.name).join(', ');
  const userState = (u: AdminUser) => (u.disabled ? t('admin.user.stateDisabled') : u.available ? t('admin.user.stateAvailable') : t('admin.user.stateAway'));

  return (
    <AdminLayout title={t('admin.people')}>
      {!editing && save.formError && <p class="form-error" role="alert">{save.formError}</p>}
      {list.error ? <ErrorState error={list.error} retry={() => void list.reload()} /> : !data ? <Loading /> : (
        <>
          {editing?.kind === 'user' && (
            <UserForm key={editing.draft.id ?? 'new'} draft={editing.draft} sites={data.sites} errors={save.errors} saving={save.saving} formError={save.formError} onSave={(d) => void submitUser(d)} onCancel={() => open(null)} />
          )}
          {editing?.kind === 'team' && (
            <TeamForm key={editing.draft.id ?? 'new'} draft={editing.draft} users={data.users} errors={save.errors} saving={save.saving} formError={save.formError} onSave={(d) => void submitTeam(d)} onCancel={() => open(null)} />
          )}
          <section aria-labelledby="users-title" class="admin-section">
            <h2 id="users-title">{t('admin.user.title')}</h2>
            <ListHeader count={t('admin.user.count', { count: data.users.length })} newLabel={t('admin.user.new')} onNew={editing ? undefined : () => open({ kind: 'user', draft: newUser() })} />
            <EntityTable
              caption={t('admin.user.title')} rows={data.users} empty={t('admin.user.empty')} current={editing?.kind === 'user' ? editing.draft.id : null}
              columns={[
                { key: 'name', label: t('admin.user.name'), render: (u) => <><strong><bdi>{u.name}</bdi></strong><br /><span class="muted" dir="ltr">{u.email}</span></> },
                { key: 'role', label: t('admin.user.role'), render: (u) => t(`admin.user.role.${u.role}`) },
                { key: 'site', label: t('admin.user.site'), render: (u) => <bdi>{siteName(u.siteId) ?? '—'}</bdi> },
                { key: 'language', label: t('admin.user.language'), render: (u) => (u.language ? LOCALE_NAMES[u.language as Locale] ?? u.language : '—') },
                { key: 'capacity', label: t('admin.user.capacity'), render: (u) => u.capacity },
                { key: 'state', label: t('admin.user.state'), render: userState },
              ]}
              actions={(u) => <button type="button" onClick={() => open({ kind: 'user', draft: userDraft(u) })} aria-label={t('admin.editNamed', { name: u.name })}>{t('admin.edit')}</button>}
            />
          </section>
          <section aria-labelledby="teams-title" class="admin-section">
            <h2 id="teams-title">{t('admin.team.title')}</h2>
            <ListHeader count={t('admin.team.count', { count: data.teams.length })} newLabel={t('admin.team.new')} onNew={editing ? undefined : () => open({ kind: 'team', draft: { name: '', email: '', memberIds: [] } })} />
            <EntityTable
              caption={t('admin.team.title')} rows={data.teams} empty={t('admin.team.empty')} current={editing?.kind === 'team' ? editing.draft.id : null}
              columns={[
                { key: 'name', label: t('admin.team.name'), render: (x) => <strong><bdi>{x.name}</bdi></strong> },
                { key: 'members', label: t('admin.team.members'), render: (x) => <bdi>{memberNames(x) || '—'}</bdi> },
                { key: 'capacity', label: t('admin.team.capacity'), render: teamCapacity },
              ]}
              actions={(x) => (
                <>
                  <button type="button" onClick={() => open({ kind: 'team', draft: { id: x.id, name: x.name, email: x.email ?? '', memberIds: x.memberIds } })} aria-label={t('admin.editNamed', { name: x.name })}>{t('admin.edit')}</button>
                  <ConfirmButton question={t('admin.team.deleteQuestion', { name: x.name })} onConfirm={() => removeTeam(x)}>{t('admin.delete')}</ConfirmButton>
                </>
              )}
            />
          </section>
        </>
      )}
    </AdminLayout>
  );
}
