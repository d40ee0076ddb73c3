{#-
    gtm_parse_audiences(loaded)

    Parse step of the audience compiler: turns validated audiences into the structure
    the generators read, with every default filled in. Call it only after
    gtm_validate_audiences returned no errors.

    Each audience carries: code, name, description, motion, grain (`company` for abm,
    else `person`), where (a condition or none), rank_by (a list of {column, direction}:
    the audience's own, or the motion's default), limit (or none), max_removed_share
    (the audience's own, or the var gtm_audience_max_removed_share), icp_weight and
    persona_weight (inbound only, 1 each by default), routes (inbound only, sorted by
    min_score from high to low) and version, an MD5 hash of the parsed audience.

    Example: gtm_parse_audiences(gtm_load_audiences())[0]['rank_by'][0]
             ->  {'column': 'persona_score', 'direction': 'desc'}
-#}
{% macro gtm_parse_audiences(loaded) %}
    {%- set default_rank_by = {
        'abm': [{'column': 'icp_score', 'direction': 'desc'}],
        'volume_outbound': [{'column': 'persona_score', 'direction': 'desc'}, {'column': 'icp_score', 'direction': 'desc'}],
        'inbound': [
            {'column': 'combined_score', 'direction': 'desc'},
            {'column': 'persona_score', 'direction': 'desc'},
            {'column': 'icp_score', 'direction': 'desc'},
        ],
    } -%}
    {%- set parsed = [] -%}
    {%- for audience in loaded.audiences -%}
        {%- set rank_by = [] -%}
        {%- for item in audience.get('rank_by') or default_rank_by[audience.motion] -%}
            {%- do rank_by.append({'column': item.column, 'direction': item.get('direction', 'desc')}) -%}
        {%- endfor -%}
        {%- set combined = audience.get('combined_score') or {} -%}
        {%- set routes = [] -%}
        {%- for route in audience.get('routes') or [] -%}
            {%- do routes.append({'queue': route.queue, 'min_score': route.min_score}) -%}
        {%- endfor -%}
        {%- set share = audience.get('max_removed_share') -%}
        {%- set parsed_audience = {
            'code': audience.code,
            'name': audience.name,
            'description': audience.get('description'),
            'motion': audience.motion,
            'grain': 'company' if audience.motion == 'abm' else 'person',
            'where': audience.get('where'),
            'rank_by': rank_by,
            'limit': audience.get('limit'),
            'max_removed_share': share if share is not none else var('gtm_audience_max_removed_share'),
            'icp_weight': combined.get('icp_weight', 1) if audience.motion == 'inbound' else none,
            'persona_weight': combined.get('persona_weight', 1) if audience.motion == 'inbound' else none,
            'routes': routes | sort(attribute='min_score', reverse=true),
        } -%}
        {%- do parsed_audience.update({"version": local_md5(tojson(parsed_audience, sort_keys=true))[:12]}) -%}
        {%- do parsed.append(parsed_audience) -%}
    {%- endfor -%}
    {{ return(parsed) }}
{% endmacro %}
