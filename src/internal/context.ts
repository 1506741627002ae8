/** The context key through which the provider hands `PortalState` to every widget inside it. */
import { createContext } from '@lit/context';
import type { PortalState } from './portal-host.js';

export const portalContext = createContext<PortalState>(Symbol.for('portal-widgets/portal'));
