// What an attacker's script would do if the component ran it: the injected-markup test fails when this runs.
window.gadgetRan = 'external';
