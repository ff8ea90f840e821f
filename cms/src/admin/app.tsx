// The panel speaks Russian: offered to everyone, and preselected for new administrators by the plugin.
export default {
  config: {
    locales: ['ru'],
    tutorials: false,
    notifications: { releases: false },
  },
};
