// One widget, one import: defines <sr-event-calendar>. Lit and the SDK come along as the
// package's dependencies, bundled once into this site's own script.
import '@smart-region/widgets/event-calendar/define';
