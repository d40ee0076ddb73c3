{#-
    gtm_entity_parameters(entity)

    Returns the registry parameters that describe one entity, as (code, parameter)
    pairs sorted by code, so the feature models list their columns in a stable order.

    Example: gtm_entity_parameters('company')[0]  ->  ('annual_revenue', {...})
-#}
{% macro gtm_entity_parameters(entity) %}
    {%- set parameters = [] -%}
    {%- for code, parameter in gtm_parameter_registry().items() | sort if parameter.entity == entity -%}
        {%- do parameters.append((code, parameter)) -%}
    {%- endfor -%}
    {{ return(parameters) }}
{% endmacro %}
