import {createContext, useContext} from 'react';
import {useStore} from 'zustand';
import type {MonitorStore, MonitorStoreState} from '../../store/create-monitor-store.js';

// The vanilla store goes into context (dependency injection), so every test renders its own store.
export const MonitorStoreContext = createContext<MonitorStore | null>(null);

export function useMonitorStore(): MonitorStore {
	const store = useContext(MonitorStoreContext);
	if (store === null) throw new Error('useMonitorStore needs a MonitorStoreContext provider');
	return store;
}

/** Subscribes to one slice; `selector` must return stable references (see store/selectors.ts). */
export function useMonitor<T>(selector: (state: MonitorStoreState) => T): T {
	return useStore(useMonitorStore(), selector);
}
