{#-
    gtm_validate_audiences(loaded)

    Validate step of the audience compiler. Checks the audiences from gtm_load_audiences
    and returns every problem as a list of messages (empty when all are valid). Each
    message names the audience, the field or condition path, the value received and
    what is allowed.

    Example: gtm_validate_audiences(gtm_load_audiences())
             ->  ["Audience 'top_accounts': motion 'abn' is not valid. Allowed: abm, volume_outbound, inbound."]
-#}
{% macro gtm_validate_audiences(loaded) %}
    {%- set re = modules.re -%}
    {%- set errors = [] -%}
    {%- set code_pattern = '^[a-z][a-z0-9_]*$' -%}
    {%- set motions = ['abm', 'volume_outbound', 'inbound'] -%}
    {%- set fields = ['code', 'name', 'description', 'motion', 'where', 'rank_by', 'limit', 'combined_score', 'routes', 'max_removed_share'] -%}

    {%- if loaded.configured is mapping or loaded.configured is string -%}
        {%- do errors.append("The gtm_audiences var must be a list of audiences, received '" ~ loaded.configured ~ "'.") -%}
    {%- endif -%}

    {%- set codes = [] -%}
    {%- for audience in loaded.audiences -%}
        {%- if audience is not mapping -%}
            {%- do errors.append("Audience number " ~ loop.index0 ~ " of the gtm_audiences var: expected a mapping with code, name, motion and where, received '" ~ audience ~ "'.") -%}
            {%- continue -%}
        {%- endif -%}
        {%- set code = audience.get('code') -%}
        {%- set where = "Audience '" ~ code ~ "'" -%}
        {%- if code is not string or not re.match(code_pattern, code) -%}
            {%- do errors.append(where ~ ": code is not snake_case. Use lower-case letters, digits and underscores, starting with a letter.") -%}
        {%- elif code == 'default' and not loop.first -%}
            {%- do errors.append(where ~ ": code 'default' is reserved for the built-in default audience. Set its thresholds with the vars gtm_audience_min_icp_score and gtm_audience_min_persona_score.") -%}
        {%- elif code in codes -%}
            {%- do errors.append(where ~ ": duplicate code. Each audience needs its own code.") -%}
        {%- endif -%}
        {%- do codes.append(code) -%}
        {%- for key in audience.keys() | sort if key not in fields -%}
            {%- do errors.append(where ~ ": field '" ~ key ~ "' is not valid. Allowed: " ~ fields | join(', ') ~ ".") -%}
        {%- endfor -%}
        {%- if audience.get('name') is not string or audience.name | trim == '' -%}
            {%- do errors.append(where ~ ": name is missing. Give the audience a display name.") -%}
        {%- endif -%}

        {%- set motion = audience.get('motion') -%}
        {%- set columns = none -%}
        {%- if motion not in motions -%}
            {%- do errors.append(where ~ ": motion '" ~ motion ~ "' is not valid. Allowed: " ~ motions | join(', ') ~ ".") -%}
        {%- else -%}
            {%- set columns = gtm_audience_columns('company' if motion == 'abm' else 'person') -%}
        {%- endif -%}

        {%- if audience.get('where') is not none -%}
            {%- do errors.extend(gtm_validate_audience_condition(audience.where, where ~ ", where", columns)) -%}
        {%- endif -%}

        {%- set limit = audience.get('limit') -%}
        {%- if limit is not none and (not gtm_is_number(limit) or limit is not integer or limit < 1) -%}
            {%- do errors.append(where ~ ": limit '" ~ limit ~ "' is not a whole number of at least 1. Leave it out for no limit.") -%}
        {%- endif -%}
        {%- set share = audience.get('max_removed_share') -%}
        {%- if share is not none and (not gtm_is_number(share) or share < 0 or share > 1) -%}
            {%- do errors.append(where ~ ": max_removed_share '" ~ share ~ "' is not a share between 0 and 1 (0.5 lets one run remove half of the members).") -%}
        {%- endif -%}

        {%- set rank_by = audience.get('rank_by') -%}
        {%- if rank_by is not none -%}
            {%- if rank_by is string or rank_by is mapping or rank_by is not iterable or rank_by | length == 0 -%}
                {%- do errors.append(where ~ ": rank_by '" ~ rank_by ~ "' is not a non-empty list of {column, direction}.") -%}
            {%- else -%}
                {%- set rank_columns = (columns.keys() | list + (['combined_score'] if motion == 'inbound' else [])) if columns is not none else none -%}
                {%- for item in rank_by -%}
                    {%- set item_where = where ~ ", rank_by[" ~ loop.index0 ~ "]" -%}
                    {%- if item is not mapping -%}
                        {%- do errors.append(item_where ~ ": expected {column, direction}, received '" ~ item ~ "'.") -%}
                    {%- else -%}
                        {%- if rank_columns is not none and item.get('column') not in rank_columns -%}
                            {%- do errors.append(item_where ~ ": column '" ~ item.get('column') ~ "' is not an audience column of this motion. Allowed: " ~ rank_columns | sort | join(', ') ~ ".") -%}
                        {%- endif -%}
                        {%- if item.get('direction', 'desc') not in ['asc', 'desc'] -%}
                            {%- do errors.append(item_where ~ ": direction '" ~ item.get('direction') ~ "' is not valid. Allowed: asc, desc.") -%}
                        {%- endif -%}
                        {%- for key in item.keys() | sort if key not in ['column', 'direction'] -%}
                            {%- do errors.append(item_where ~ ": field '" ~ key ~ "' is not valid. Allowed: column, direction.") -%}
                        {%- endfor -%}
                    {%- endif -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endif -%}

        {%- if motion != 'inbound' -%}
            {%- for key in ['combined_score', 'routes'] if audience.get(key) is not none -%}
                {%- do errors.append(where ~ ": field '" ~ key ~ "' applies to motion inbound only, and this audience's motion is '" ~ motion ~ "'.") -%}
            {%- endfor -%}
        {%- else -%}
            {%- set combined = audience.get('combined_score') -%}
            {%- if combined is not none and combined is not mapping -%}
                {%- do errors.append(where ~ ": combined_score '" ~ combined ~ "' is not a mapping {icp_weight, persona_weight}.") -%}
            {%- elif combined is not none -%}
                {%- for key in combined.keys() | sort if key not in ['icp_weight', 'persona_weight'] -%}
                    {%- do errors.append(where ~ ", combined_score: field '" ~ key ~ "' is not valid. Allowed: icp_weight, persona_weight.") -%}
                {%- endfor -%}
                {%- for key in ['icp_weight', 'persona_weight'] if combined.get(key) is not none and (not gtm_is_number(combined[key]) or combined[key] <= 0) -%}
                    {%- do errors.append(where ~ ", combined_score: " ~ key ~ " '" ~ combined[key] ~ "' is not a positive number.") -%}
                {%- endfor -%}
            {%- endif -%}

            {%- set routes = audience.get('routes') -%}
            {%- if routes is none -%}
                {%- do errors.append(where ~ ": routes is missing. An inbound audience routes every lead to a queue, so give a list of {queue, min_score}.") -%}
            {%- elif routes is string or routes is mapping or routes is not iterable or routes | length == 0 -%}
                {%- do errors.append(where ~ ": routes '" ~ routes ~ "' is not a non-empty list of {queue, min_score}. An inbound audience routes every lead to a queue.") -%}
            {%- else -%}
                {%- set min_scores = [] -%}
                {%- for route in routes -%}
                    {%- set route_where = where ~ ", routes[" ~ loop.index0 ~ "]" -%}
                    {%- if route is not mapping -%}
                        {%- do errors.append(route_where ~ ": expected {queue, min_score}, received '" ~ route ~ "'.") -%}
                    {%- else -%}
                        {%- if route.get('queue') is not string or route.queue | trim == '' -%}
                            {%- do errors.append(route_where ~ ": queue '" ~ route.get('queue') ~ "' is not a queue name. Give the name of the queue as text.") -%}
                        {%- endif -%}
                        {%- set min_score = route.get('min_score') -%}
                        {%- if not gtm_is_number(min_score) or min_score < 0 or min_score > 100 -%}
                            {%- do errors.append(route_where ~ ": min_score '" ~ min_score ~ "' is not a number from 0 to 100.") -%}
                        {%- elif min_score in min_scores -%}
                            {%- do errors.append(route_where ~ ": min_score " ~ min_score ~ " is used by another route, so the band of each queue is unclear.") -%}
                        {%- else -%}
                            {%- do min_scores.append(min_score) -%}
                        {%- endif -%}
                        {%- for key in route.keys() | sort if key not in ['queue', 'min_score'] -%}
                            {%- do errors.append(route_where ~ ": field '" ~ key ~ "' is not valid. Allowed: queue, min_score.") -%}
                        {%- endfor -%}
                    {%- endif -%}
                {%- endfor -%}
                {%- if min_scores | length > 0 and 0 not in min_scores -%}
                    {%- do errors.append(where ~ ": no route has min_score 0, so leads with a combined score below " ~ min_scores | min ~ " would get no queue. Add a route with min_score 0.") -%}
                {%- endif -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(errors) }}
{% endmacro %}
