{#-
    gtm_definition_groups(definitions, is_scoped)

    The groups of definitions that compete for the same records: all ICPs in one group,
    or, when `is_scoped`, the Personas of each ICP in a group of their own. A
    definition's position in its group (from 1) names its columns in the scores tables
    (`d<position>__`), so the scores models and the views that read them call this one
    macro and agree on every position.

    Arguments:
        definitions: parsed ICPs or Personas of one kind, sorted by priority and then
            code (Personas by ICP first), as gtm_parse_definitions returns them
        is_scoped: true for Personas, which compete only inside their ICP

    Returns: a list of dicts with `name` (such as `personas__enterprise`), `icp_code`
    and `definitions`, in the order of `definitions`.

    Example: gtm_definition_groups(gtm_definitions().personas, true)
-#}
{% macro gtm_definition_groups(definitions, is_scoped) %}
    {%- set groups = [] -%}
    {%- for definition in definitions -%}
        {%- set group_name = definition.kind ~ 's' ~ ('__' ~ definition.icp_code if is_scoped else '') -%}
        {%- if groups | length == 0 or groups[-1].name != group_name -%}
            {%- do groups.append({'name': group_name, 'icp_code': definition.icp_code, 'definitions': []}) -%}
        {%- endif -%}
        {%- do groups[-1].definitions.append(definition) -%}
    {%- endfor -%}
    {{ return(groups) }}
{% endmacro %}
