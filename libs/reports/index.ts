// Public API of @cchc/reports: the reporting calendar, periodic reports and units' contributions.
export * from './reporting-calendar';
