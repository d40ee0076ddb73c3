{#-
    gtm_parameter_registry()

    Returns the parameter registry: the `gtm_parameters` var merged with
    `gtm_custom_parameters` (custom entries win). Each entry is a dict with `entity`,
    `type` and one of `expression`, `signal_type` or `question`, plus an optional
    `band_set`. The registry is plain configuration, so this works at parse time.

    Example: gtm_parameter_registry()['industry'].type  ->  'category'
-#}
{% macro gtm_parameter_registry() %}
    {%- set registry = {} -%}
    {%- do registry.update(var('gtm_parameters', {})) -%}
    {%- do registry.update(var('gtm_custom_parameters', {}) or {}) -%}
    {{ return(registry) }}
{% endmacro %}
