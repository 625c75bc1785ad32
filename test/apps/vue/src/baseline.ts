// The same host app without the kit: what the kit adds is measured against it.
import { createApp, h } from 'vue';

createApp({ render: () => h('p', 'Billing') }).mount('#app');
