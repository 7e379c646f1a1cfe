/**
 * Polite announcements for screen readers: short sentences about what just changed that the
 * page does not otherwise say in text (presenter mode on, a panel fills the screen ...).
 * `announce(text)` is callable outside React; <Announcer /> renders the aria-live region.
 */
import { create } from 'zustand';

interface AnnouncerState {
  text: string;
  /** Bumped on every announcement, so the same sentence twice is read twice. */
  serial: number;
}

export const useAnnouncer = create<AnnouncerState>()(() => ({ text: '', serial: 0 }));

export function announce(text: string): void {
  useAnnouncer.setState((s) => ({ text, serial: s.serial + 1 }));
}
