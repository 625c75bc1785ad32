// The same host app without the kit: what the kit adds is measured against it.
import { mount } from 'svelte';
import Baseline from './Baseline.svelte';

const target = document.getElementById('app');
if (target) mount(Baseline, { target });
