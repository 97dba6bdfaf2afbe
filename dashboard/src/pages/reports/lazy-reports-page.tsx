/**
 * The reports page loads on first visit only: Chart.js stays out of the bundle that every
 * other page (the phone's virtual button among them) downloads.
 */
import { lazy } from 'preact-iso';

export const ReportsPage = lazy(() => import('./reports-page.tsx').then((m) => m.ReportsPage));
