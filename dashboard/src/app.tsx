/** The app: providers, then one route per page. The server answers every one of these paths with index.html. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { api } from './api/client.ts';
import type { User } from './api/schemas.ts';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { ADMIN_SECTIONS } from './pages/admin/admin-layout.tsx';
import { ConfigPage } from './pages/admin/config/config-page.tsx';
import { TokensPage } from './pages/admin/tokens/tokens-page.tsx';
import { WebhooksPage } from './pages/admin/webhooks/webhooks-page.tsx';
import { CalendarsPage } from './pages/admin/calendars/calendars-page.tsx';
import { CategoriesPage } from './pages/admin/categories/categories-page.tsx';
import { PeoplePage } from './pages/admin/people/people-page.tsx';
import { SitesPage } from './pages/admin/sites/sites-page.tsx';
import { SlaPage } from './pages/admin/sla/sla-page.tsx';
import { BoardPage } from './pages/board/board-page.tsx';
import { ButtonPage } from './pages/button/button-page.tsx';
import { DevicePage } from './pages/devices/device-page.tsx';
import { FleetPage } from './pages/devices/fleet-page.tsx';
import { ImportPage } from './pages/devices/import-page.tsx';
import { ProvisionPage } from './pages/devices/provision-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ReportsPage } from './pages/reports/lazy-reports-page.tsx';
import { StatusPage } from './pages/status/status-page.tsx';
import { TicketPage } from './pages/ticket/ticket-page.tsx';
import { isDesk, SessionProvider, useSession } from './session/session.tsx';
import { AnnouncerProvider } from './ui/announcer.tsx';
import { AppShell } from './ui/app-shell.tsx';
import { ErrorState, Loading } from './ui/states.tsx';

/**
 * Renders `page` for a logged-in user (desk roles only when `desk`, admins only when `admin`);
 * sends everyone else to the login, and staff to their virtual button.
 */
function SignedIn({ desk = false, admin = false, page }: { desk?: boolean; admin?: boolean; page: (me: User) => ComponentChildren }) {
  const { user, error, reload } = useSession();
  const { url, route } = useLocation();
  useEffect(() => {
    if (user === null) route(`/login?next=${encodeURIComponent(url)}`, true);
  }, [user]);
  if (error) return <AppShell><ErrorState error={error} retry={reload} /></AppShell>;
  if (!user) return <Loading />;
  if ((desk || admin) && !isDesk(user)) return <StaffHome />;
  if (admin && user.role !== 'admin') return <Forbidden />;
  return <>{page(user)}</>;
}

/** Staff have no board: their site's virtual button is their home page. */
function StaffHome() {
  const { t } = useI18n();
  const { route } = useLocation();
  const [none, setNone] = useState(false);
  useEffect(() => {
    api.sites().then((sites) => (sites[0] ? route(`/b/${sites[0].code}`, true) : setNone(true)), () => setNone(true));
  }, []);
  return <AppShell>{none ? <p role="alert">{t('error.forbidden')}</p> : <Loading />}</AppShell>;
}

function Forbidden() {
  const { t } = useI18n();
  return <AppShell><p role="alert" class="error-state">{t('error.forbidden')}</p></AppShell>;
}

// Route components are defined once: a new function per render would remount the page.
const BoardRoute = () => <SignedIn desk page={(me) => <BoardPage me={me} />} />;
const TicketRoute = ({ number }: { number: string }) => <SignedIn desk page={(me) => <TicketPage number={number} me={me} />} />;
// Admin pages: `const XRoute = () => <SignedIn admin page={() => <XPage />} />;` and a <Route> below.
const AdminWebhooksRoute = () => <SignedIn admin page={() => <WebhooksPage />} />;
const AdminTokensRoute = () => <SignedIn admin page={() => <TokensPage />} />;
const AdminConfigRoute = () => <SignedIn admin page={() => <ConfigPage />} />;
const AdminSitesRoute = () => <SignedIn admin page={() => <SitesPage />} />;
const AdminCategoriesRoute = () => <SignedIn admin page={() => <CategoriesPage />} />;
const AdminCalendarsRoute = () => <SignedIn admin page={() => <CalendarsPage />} />;
const AdminSlaRoute = () => <SignedIn admin page={() => <SlaPage />} />;
const AdminPeopleRoute = () => <SignedIn admin page={() => <PeoplePage />} />;
const FleetRoute = () => <SignedIn desk page={(me) => <FleetPage me={me} />} />;
const DeviceRoute = ({ id }: { id: string }) => <SignedIn desk page={(me) => <DevicePage id={id} me={me} />} />;
const ProvisionRoute = () => <SignedIn admin page={() => <ProvisionPage />} />;
const DeviceImportRoute = () => <SignedIn admin page={() => <ImportPage />} />;
const ReportsRoute = () => <SignedIn desk page={(me) => <ReportsPage me={me} />} />;
const ButtonRoute = ({ code }: { code: string }) => <SignedIn page={() => <ButtonPage code={code} />} />;

/** `/admin` opens the first section. */
function AdminHome() {
  const { route } = useLocation();
  useEffect(() => route(ADMIN_SECTIONS[0]!.path, true), []);
  return <Loading />;
}
const AdminHomeRoute = () => <SignedIn admin page={() => <AdminHome />} />;

export function App() {
  return (
    <I18nProvider>
      <AnnouncerProvider>
        <SessionProvider>
          <LocationProvider>
            <Router>
              <Route path="/login" component={LoginPage} />
              <Route path="/" component={BoardRoute} />
              <Route path="/tickets/:number" component={TicketRoute} />
              <Route path="/devices" component={FleetRoute} />
              <Route path="/devices/new" component={ProvisionRoute} />
              <Route path="/devices/import" component={DeviceImportRoute} />
              <Route path="/devices/:id" component={DeviceRoute} />
              <Route path="/admin" component={AdminHomeRoute} />
              <Route path="/admin/webhooks" component={AdminWebhooksRoute} />
              <Route path="/admin/tokens" component={AdminTokensRoute} />
              <Route path="/admin/config" component={AdminConfigRoute} />
              <Route path="/admin/sites" component={AdminSitesRoute} />
              <Route path="/admin/categories" component={AdminCategoriesRoute} />
              <Route path="/admin/calendars" component={AdminCalendarsRoute} />
              <Route path="/admin/sla" component={AdminSlaRoute} />
              <Route path="/admin/people" component={AdminPeopleRoute} />
              <Route path="/reports" component={ReportsRoute} />
              <Route path="/b/:code" component={ButtonRoute} />
              {/* No login: the link's secret (?t=) is the key. */}
              <Route path="/status/:code" component={StatusPage} />
              <Route default component={NotFoundPage} />
            </Router>
          </LocationProvider>
        </SessionProvider>
      </AnnouncerProvider>
    </I18nProvider>
  );
}
