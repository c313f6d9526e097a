<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_MX" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Coding Workbench</source>
        <extracomment>What the installed program bundles (see installer/workbench.spec). The licences were checked against each package&apos;s metadata; tests/ui/test_welcome.py keeps them so.</extracomment>
        <translation>Acerca de Coding Workbench</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Coding Workbench {0}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Coding Workbench {0}&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Qualitative coding of interview and focus-group transcripts: code, check agreement between coders, export report appendices.&lt;/p&gt;&lt;p&gt;Open source under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Codificación cualitativa de transcripciones de entrevistas y grupos focales: codificar, revisar el acuerdo entre codificadores, exportar anexos para informes.&lt;/p&gt;&lt;p&gt;Código abierto bajo la licencia MIT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Built with&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hecho con&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Qt and Qt for Python are used under the GNU LGPL version 3, as shared libraries that you may replace; their source is at qt.io.</source>
        <translation>Qt y Qt for Python se usan bajo la GNU LGPL versión 3, como bibliotecas compartidas que usted puede reemplazar; su código fuente está en qt.io.</translation>
    </message>
    <message>
        <source>The licence texts are in the program&apos;s folder, in each library&apos;s .dist-info folder: {0}</source>
        <translation>Los textos de las licencias están en la carpeta del programa, en la carpeta .dist-info de cada biblioteca: {0}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Logs&lt;/b&gt;: {0}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Backups&lt;/b&gt;: a project file NAME.qdb keeps its backups beside it, in the folder NAME.backups; before a project is updated to a newer version of the program, a copy of it is saved beside it too.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Registros&lt;/b&gt;: {0}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Copias de seguridad&lt;/b&gt;: un archivo de proyecto NOMBRE.qdb guarda sus copias de seguridad a su lado, en la carpeta NOMBRE.backups; antes de actualizar un proyecto a una versión más reciente del programa, también se guarda una copia a su lado.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Abrir la carpeta de registros</translation>
    </message>
</context>
<context>
    <name>AgreementNames</name>
    <message>
        <source>Kappa</source>
        <extracomment>The statistic that leads the table, the colours and the bar chart, by unit.</extracomment>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>Kappa (mean)</source>
        <translation>Kappa (promedio)</translation>
    </message>
    <message>
        <source>Kappa (weighted)</source>
        <translation>Kappa (ponderado)</translation>
    </message>
    <message>
        <source>Agreement %</source>
        <translation>% de acuerdo</translation>
    </message>
    <message>
        <source>Agreement % (mean)</source>
        <translation>% de acuerdo (promedio)</translation>
    </message>
    <message>
        <source>Agreement % (weighted)</source>
        <translation>% de acuerdo (ponderado)</translation>
    </message>
    <message>
        <source>Fleiss&apos; kappa</source>
        <translation>Kappa de Fleiss</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <source>Brennan–Prediger</source>
        <translation>Brennan–Prediger</translation>
    </message>
    <message>
        <source>u-alpha</source>
        <translation>u-alfa</translation>
    </message>
    <message>
        <source>|u-alpha</source>
        <translation>|u-alfa</translation>
    </message>
    <message>
        <source>cu-alpha</source>
        <translation>cu-alfa</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>Only {0}</source>
        <translation>Solo {0}</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Documents with kappa</source>
        <translation>Documentos con kappa</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Coincidentes</translation>
    </message>
    <message>
        <source>Segments {0}</source>
        <translation>Segmentos {0}</translation>
    </message>
    <message>
        <source>Continuum</source>
        <translation>Continuo</translation>
    </message>
    <message>
        <source>Coded {0}</source>
        <translation>Codificado {0}</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Carácter</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Unitized (u-alpha)</source>
        <translation>Por unidades (u-alfa)</translation>
    </message>
</context>
<context>
    <name>AgreementPanel</name>
    <message>
        <source>Two or more coders; the first two are compared passage by passage</source>
        <extracomment>Show a passage in the transcript: document id, start, end (code points). The codes under review (a list of ids), to emphasise in the transcript and list in the retrieval panel. A report arrived (an :class:`AgreementReport`). A run failed; the message says why.</extracomment>
        <translation>Dos o más codificadores; los dos primeros se comparan fragmento por fragmento</translation>
    </message>
    <message>
        <source>At the segment level, how much of their union two segments must share</source>
        <translation>En el nivel de segmento, qué parte de su unión deben compartir dos segmentos</translation>
    </message>
    <message>
        <source>Min. overlap:</source>
        <translation>Superposición mín.:</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation>Codificadores:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unidad:</translation>
    </message>
    <message>
        <source>Codes:</source>
        <translation>Códigos:</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Desacuerdos</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>elegir…</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Todos los códigos</translation>
    </message>
    <message>
        <source>Computing agreement</source>
        <translation>Calculando el acuerdo</translation>
    </message>
    <message>
        <source>Agreement could not be computed: {0}</source>
        <translation>No se pudo calcular el acuerdo: {0}</translation>
    </message>
    <message>
        <source>Export the agreement report</source>
        <translation>Exportar el informe de acuerdo</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documentos de Word (*.docx)</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Guardado en {0}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved to {0} and {1}</source>
        <translation>Guardado en {0} y {1}</translation>
    </message>
</context>
<context>
    <name>AgreementReport</name>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Per document</source>
        <translation>Por documento</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Desacuerdos</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>AgreementTableModel</name>
    <message>
        <source>characters</source>
        <translation>caracteres</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>segmentos</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documentos</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>Undefined: {0}</source>
        <translation>No definido: {0}</translation>
    </message>
    <message>
        <source>Click to review the disagreements on this code.</source>
        <translation>Haga clic para revisar los desacuerdos en este código.</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>Make an assignment file</source>
        <extracomment>A message for the status bar once the file is written.</extracomment>
        <translation>Crear un archivo de asignación</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Todos los documentos</translation>
    </message>
    <message>
        <source>Where to write the file (.qdb)</source>
        <translation>Dónde guardar el archivo (.qdb)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>This project is blind: the other coders&apos; codings stay out of the file.</source>
        <translation>Este proyecto usa codificación a ciegas: las codificaciones del resto del equipo no se incluyen en el archivo.</translation>
    </message>
    <message>
        <source>The file holds everyone&apos;s codings on the chosen documents.</source>
        <translation>El archivo incluye las codificaciones de todo el equipo en los documentos elegidos.</translation>
    </message>
    <message>
        <source>Make the file</source>
        <translation>Crear el archivo</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codificador/a</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Assignment file</source>
        <translation>Archivo de asignación</translation>
    </message>
    <message>
        <source>Projects (*.qdb)</source>
        <translation>Proyectos (*.qdb)</translation>
    </message>
    <message>
        <source>Check the documents to assign, or All documents.</source>
        <translation>Marque los documentos que desea asignar, o «Todos los documentos».</translation>
    </message>
    <message>
        <source>Say where to write the file.</source>
        <translation>Indique dónde guardar el archivo.</translation>
    </message>
    <message>
        <source>Assignment for {0} written to {1}: {2} documents, {3} segments</source>
        <translation>Asignación para {0} guardada en {1}: {2} documentos, {3} segmentos</translation>
    </message>
</context>
<context>
    <name>AttributesPanel</name>
    <message>
        <source>Choose a document to see and edit its attributes.</source>
        <translation>Elija un documento para ver y editar sus atributos.</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>Nuevo caso…</translation>
    </message>
    <message>
        <source>Cases this document belongs to:</source>
        <translation>Casos a los que pertenece este documento:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nuevo caso</translation>
    </message>
    <message>
        <source>Name of the case:</source>
        <translation>Nombre del caso:</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>Codificador/a:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Atributos</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <source>Code groups</source>
        <translation>Grupos de códigos</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codificadores</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Codificaciones</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Todo el equipo</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>Entradas: {0}</translation>
    </message>
    <message>
        <source>{0} entries shown; scroll down for older ones</source>
        <translation>Entradas mostradas: {0}; desplácese hacia abajo para ver las anteriores</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>No se exportó</translation>
    </message>
    <message>
        <source>{0} entries written to {1}</source>
        <translation>Entradas escritas en {1}: {0}</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <extracomment>The role that gives a row&apos;s :class:`~workbench.entities.EventInfo`. How many entries the model reads at a time.</extracomment>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codificador/a</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Undo: {0}</source>
        <translation>Deshacer: {0}</translation>
    </message>
    <message>
        <source>{0} (UTC)</source>
        <translation>{0} (UTC)</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Antes:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Después:</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Copies of this project are kept in {0}: when it is opened, and every few minutes while it is open and changing. The newest {1} are kept.</source>
        <extracomment>The question asked before restoring, while it is shown.</extracomment>
        <translation>Las copias de este proyecto se guardan en {0}: al abrirlo y cada pocos minutos mientras está abierto y tiene cambios. Se conservan las {1} más recientes.</translation>
    </message>
    <message>
        <source>This project is on a database server; back it up with PostgreSQL&apos;s tools, for example:
pg_dump --format=custom --file=project.dump postgresql://user@host/database
and restore a dump with pg_restore into a new, empty database (see &apos;Audit log and backups&apos; in the README).</source>
        <translation>Este proyecto está en un servidor de bases de datos; haga sus copias de seguridad con las herramientas de PostgreSQL, por ejemplo:
pg_dump --format=custom --file=project.dump postgresql://user@host/database
y restaure una copia con pg_restore en una base de datos nueva y vacía (vea «Audit log and backups» en el README).</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>only when opened</source>
        <translation>solo al abrir</translation>
    </message>
    <message>
        <source>Back up every:</source>
        <translation>Hacer una copia cada:</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>Hacer una copia &amp;ahora</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>Not backed up: {0}</source>
        <translation>No se hizo la copia: {0}</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>Copia guardada en {0}</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Put the project back as it was at {0}?

Changes made since then will be replaced; the project as it is now is kept as a backup first, so this can be undone by restoring that one. The project is closed and opened again.</source>
        <translation>¿Devolver el proyecto al estado que tenía el {0}?

Los cambios hechos desde entonces se reemplazarán; antes, el proyecto tal como está ahora se guarda como copia de seguridad, así que puede deshacerlo restaurando esa copia. El proyecto se cerrará y se volverá a abrir.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>The backup was not restored: {0}</source>
        <translation>No se restauró la copia de seguridad: {0}</translation>
    </message>
    <message>
        <source>The project is back as it was at {0}.</source>
        <translation>El proyecto volvió al estado que tenía el {0}.</translation>
    </message>
    <message>
        <source>The state it replaced is kept as the backup {0}.</source>
        <translation>El estado reemplazado se guardó como la copia de seguridad {0}.</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Project opened</source>
        <translation>Al abrir el proyecto</translation>
    </message>
    <message>
        <source>Timed</source>
        <translation>Periódica</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Antes de restaurar</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Save PNG…</source>
        <extracomment>The size charts are drawn at for files and the appendix (logical pixels).</extracomment>
        <translation>Guardar PNG…</translation>
    </message>
    <message>
        <source>Save SVG…</source>
        <translation>Guardar SVG…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>Guardar la gráfica</translation>
    </message>
</context>
<context>
    <name>ChartsDialog</name>
    <message>
        <source>Charts</source>
        <translation>Gráficas</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Share of documents</source>
        <translation>Proporción de documentos</translation>
    </message>
    <message>
        <source>Codes of:</source>
        <translation>Códigos de:</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>Contar:</translation>
    </message>
    <message>
        <source>Code frequencies</source>
        <translation>Frecuencias de códigos</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Mapa de calor</translation>
    </message>
    <message>
        <source>Attribute:</source>
        <translation>Atributo:</translation>
    </message>
    <message>
        <source>Codes:</source>
        <translation>Códigos:</translation>
    </message>
    <message>
        <source>By attribute</source>
        <translation>Por atributo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Todos los códigos</translation>
    </message>
    <message>
        <source>Any code of the matrix rows</source>
        <translation>Cualquier código de las filas de la matriz</translation>
    </message>
    <message>
        <source>Choose a matrix in the Matrix tab.</source>
        <translation>Elija una matriz en la pestaña Matriz.</translation>
    </message>
    <message>
        <source>The matrix of the Matrix tab: {0}</source>
        <translation>La matriz de la pestaña Matriz: {0}</translation>
    </message>
</context>
<context>
    <name>CodeChooser</name>
    <message>
        <source>Type a label or part of a name</source>
        <translation>Escriba una etiqueta o parte de un nombre</translation>
    </message>
    <message>
        <source>The codebook has no codes to choose from yet.</source>
        <translation>El libro de códigos aún no tiene códigos para elegir.</translation>
    </message>
    <message>
        <source>No code matches “{0}”.</source>
        <translation>Ningún código coincide con «{0}».</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Definition</source>
        <extracomment>Called with the changed fields when the user presses OK; returns an error message to show (the dialog stays open) or None (the dialog closes).</extracomment>
        <translation>Definición</translation>
    </message>
    <message>
        <source>What the code means, in a sentence or two.</source>
        <translation>Qué significa el código, en una o dos oraciones.</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Incluir</translation>
    </message>
    <message>
        <source>When to apply it.</source>
        <translation>Cuándo aplicarlo.</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>When not to apply it (and which code to use instead).</source>
        <translation>Cuándo no aplicarlo (y qué código usar en su lugar).</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <source>A typical passage.</source>
        <translation>Un fragmento típico.</translation>
    </message>
    <message>
        <source>e.g. 1b</source>
        <translation>p. ej., 1b</translation>
    </message>
    <message>
        <source>Can be applied to text (uncheck for a folder)</source>
        <translation>Se puede aplicar al texto (desmarque para una carpeta)</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(sin grupo)</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Código padre:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>C&amp;olor:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>A child code is shown under its parent code.</source>
        <translation>Un subcódigo se muestra bajo su código padre.</translation>
    </message>
    <message>
        <source>Colour of the code</source>
        <translation>Color del código</translation>
    </message>
</context>
<context>
    <name>CodeTooltip</name>
    <message>
        <source>{0} code</source>
        <extracomment>Counted nouns, singular and plural (translated where they are shown).</extracomment>
        <translation>{0} código</translation>
    </message>
    <message>
        <source>{0} codes</source>
        <translation>{0} códigos</translation>
    </message>
    <message>
        <source>{0} document</source>
        <translation>{0} documento</translation>
    </message>
    <message>
        <source>{0} documents</source>
        <translation>{0} documentos</translation>
    </message>
    <message>
        <source>{0} segment</source>
        <translation>{0} segmento</translation>
    </message>
    <message>
        <source>{0} segments</source>
        <translation>{0} segmentos</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>Definición:</translation>
    </message>
    <message>
        <source>Include:</source>
        <translation>Incluir:</translation>
    </message>
    <message>
        <source>Exclude:</source>
        <translation>Excluir:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Ejemplo:</translation>
    </message>
    <message>
        <source>{0} in {1}.</source>
        <translation>{0} en {1}.</translation>
    </message>
    <message>
        <source>Not applied yet.</source>
        <translation>Aún no se ha aplicado.</translation>
    </message>
    <message>
        <source>A folder: it groups codes and is not applied to text.</source>
        <translation>Una carpeta: agrupa códigos y no se aplica al texto.</translation>
    </message>
    <message>
        <source>With its child codes: {0}.</source>
        <translation>Con sus subcódigos: {0}.</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <source>Ungrouped</source>
        <translation>Sin grupo</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Label and name of the code</source>
        <translation>Etiqueta y nombre del código</translation>
    </message>
    <message>
        <source>Coded segments</source>
        <translation>Segmentos codificados</translation>
    </message>
    <message>
        <source>Move code</source>
        <translation>Mover código</translation>
    </message>
    <message>
        <source>Move codes</source>
        <translation>Mover códigos</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>This codebook has no codes yet.

Add a code with the + button, or import a codebook: File &gt; Import codebook.</source>
        <translation>Este libro de códigos aún no tiene códigos.

Agregue un código con el botón +, o importe un libro de códigos: Archivo &gt; Importar libro de códigos.</translation>
    </message>
    <message>
        <source>Filter codes (label, name, definition)</source>
        <extracomment>The dialog the panel has open, if any (window-modal, not blocking).</extracomment>
        <translation>Filtrar códigos (etiqueta, nombre, definición)</translation>
    </message>
    <message>
        <source>New code…</source>
        <translation>Nuevo código…</translation>
    </message>
    <message>
        <source>+ Code</source>
        <translation>+ Código</translation>
    </message>
    <message>
        <source>Add a code to the selected group</source>
        <translation>Agregar un código al grupo seleccionado</translation>
    </message>
    <message>
        <source>New child code…</source>
        <translation>Nuevo subcódigo…</translation>
    </message>
    <message>
        <source>+ Child</source>
        <translation>+ Sub</translation>
    </message>
    <message>
        <source>Add a code under the selected code</source>
        <translation>Agregar un código bajo el código seleccionado</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit the name, label, colour, group and rules of the code</source>
        <translation>Editar el nombre, la etiqueta, el color, el grupo y las reglas del código</translation>
    </message>
    <message>
        <source>Recolour…</source>
        <translation>Cambiar color…</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Change the colour of the code</source>
        <translation>Cambiar el color del código</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Fusionar con…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unir</translation>
    </message>
    <message>
        <source>Move the code&apos;s segments and children into another code, then delete it</source>
        <translation>Pasar los segmentos y subcódigos del código a otro código y luego eliminarlo</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Delete the code (asks first; undoable)</source>
        <translation>Eliminar el código (pide confirmación; se puede deshacer)</translation>
    </message>
    <message>
        <source>No code matches “{0}”.</source>
        <translation>Ningún código coincide con «{0}».</translation>
    </message>
    <message>
        <source>New child code</source>
        <translation>Nuevo subcódigo</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Nuevo código</translation>
    </message>
    <message>
        <source>The code was deleted meanwhile.</source>
        <translation>Mientras tanto, alguien más eliminó el código.</translation>
    </message>
    <message>
        <source>Press OK again to save your version over theirs, or Cancel to keep theirs.</source>
        <translation>Presione Aceptar de nuevo para sobrescribir la otra versión con la suya, o Cancelar para conservar la otra versión.</translation>
    </message>
    <message>
        <source>Edit code {0}</source>
        <translation>Editar código {0}</translation>
    </message>
    <message>
        <source>Colour of {0}</source>
        <translation>Color de {0}</translation>
    </message>
</context>
<context>
    <name>CommandLabels</name>
    <message>
        <source>Add attribute</source>
        <translation>Agregar atributo</translation>
    </message>
    <message>
        <source>Add case</source>
        <translation>Agregar caso</translation>
    </message>
    <message>
        <source>Add code</source>
        <translation>Agregar código</translation>
    </message>
    <message>
        <source>Add code group</source>
        <translation>Agregar grupo de códigos</translation>
    </message>
    <message>
        <source>Add codebook template</source>
        <translation>Agregar plantilla de libro de códigos</translation>
    </message>
    <message>
        <source>Add coder</source>
        <translation>Agregar codificador/a</translation>
    </message>
    <message>
        <source>Add memo</source>
        <translation>Agregar memo</translation>
    </message>
    <message>
        <source>Adjudicate: accept both versions</source>
        <translation>Resolver: aceptar ambas versiones</translation>
    </message>
    <message>
        <source>Adjudicate: accept the first coder&apos;s version</source>
        <translation>Resolver: aceptar la primera versión</translation>
    </message>
    <message>
        <source>Adjudicate: accept the second coder&apos;s version</source>
        <translation>Resolver: aceptar la segunda versión</translation>
    </message>
    <message>
        <source>Adjudicate: edited boundaries</source>
        <translation>Resolver: límites editados</translation>
    </message>
    <message>
        <source>Adjudicate: leave uncoded</source>
        <translation>Resolver: dejar sin codificar</translation>
    </message>
    <message>
        <source>Assign server roles</source>
        <translation>Asignar roles del servidor</translation>
    </message>
    <message>
        <source>Change segment&apos;s code</source>
        <translation>Cambiar el código del segmento</translation>
    </message>
    <message>
        <source>Code in vivo</source>
        <translation>Codificar in vivo</translation>
    </message>
    <message>
        <source>Code passage</source>
        <translation>Codificar fragmento</translation>
    </message>
    <message>
        <source>Copy agreed passages to the consensus</source>
        <translation>Copiar los fragmentos acordados al consenso</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Eliminar código</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Eliminar documento</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>Eliminar memo</translation>
    </message>
    <message>
        <source>Demo codings</source>
        <translation>Codificaciones de demostración</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Editar código</translation>
    </message>
    <message>
        <source>Edit memo</source>
        <translation>Editar memo</translation>
    </message>
    <message>
        <source>Edit segment memo</source>
        <translation>Editar memo del segmento</translation>
    </message>
    <message>
        <source>Import codebook</source>
        <translation>Importar libro de códigos</translation>
    </message>
    <message>
        <source>Import codings</source>
        <translation>Importar codificaciones</translation>
    </message>
    <message>
        <source>Import document</source>
        <translation>Importar documento</translation>
    </message>
    <message>
        <source>Lift the blind</source>
        <translation>Desactivar la codificación a ciegas</translation>
    </message>
    <message>
        <source>Link codes</source>
        <translation>Vincular códigos</translation>
    </message>
    <message>
        <source>Link to case</source>
        <translation>Vincular a un caso</translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation>Fusionar códigos</translation>
    </message>
    <message>
        <source>Move code</source>
        <translation>Mover código</translation>
    </message>
    <message>
        <source>Recolour code</source>
        <translation>Cambiar color del código</translation>
    </message>
    <message>
        <source>Remember export choices</source>
        <translation>Recordar las opciones de exportación</translation>
    </message>
    <message>
        <source>Remove code link</source>
        <translation>Quitar vínculo entre códigos</translation>
    </message>
    <message>
        <source>Remove segment</source>
        <translation>Quitar segmento</translation>
    </message>
    <message>
        <source>Rename code</source>
        <translation>Renombrar código</translation>
    </message>
    <message>
        <source>Resize segment</source>
        <translation>Ajustar segmento</translation>
    </message>
    <message>
        <source>Set attribute</source>
        <translation>Asignar atributo</translation>
    </message>
    <message>
        <source>Turn the blind on</source>
        <translation>Activar la codificación a ciegas</translation>
    </message>
    <message>
        <source>Unlink from case</source>
        <translation>Desvincular del caso</translation>
    </message>
    <message>
        <source>Code {0} passages</source>
        <translation>Codificar {0} fragmentos</translation>
    </message>
    <message>
        <source>Code {0} search hits</source>
        <translation>Codificar {0} resultados de búsqueda</translation>
    </message>
    <message>
        <source>Import {0} documents</source>
        <translation>Importar {0} documentos</translation>
    </message>
    <message>
        <source>Import {0} codings</source>
        <translation>Importar {0} codificaciones</translation>
    </message>
    <message>
        <source>Remove {0} segments</source>
        <translation>Quitar {0} segmentos</translation>
    </message>
    <message>
        <source>Set {0} attribute values</source>
        <translation>Asignar {0} valores de atributo</translation>
    </message>
    <message>
        <source>Merge {0} returned files</source>
        <translation>Fusionar {0} archivos devueltos</translation>
    </message>
    <message>
        <source>Import REFI-QDA project {0}</source>
        <translation>Importar proyecto REFI-QDA {0}</translation>
    </message>
    <message>
        <source>Import REFI-QDA codebook {0}</source>
        <translation>Importar libro de códigos REFI-QDA {0}</translation>
    </message>
    <message>
        <source>Make an assignment file for {0}</source>
        <translation>Crear un archivo de asignación para {0}</translation>
    </message>
    <message>
        <source>Merge {0}</source>
        <translation>Fusionar {0}</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Pick a disagreement to compare the two versions.</source>
        <extracomment>How far the context reaches beyond the disagreement, at most, on each side.</extracomment>
        <translation>Elija un desacuerdo para comparar las dos versiones.</translation>
    </message>
    <message>
        <source>coded {0} at {1}</source>
        <translation>codificó {0} en {1}</translation>
    </message>
    <message>
        <source>did not apply {0} here</source>
        <translation>no aplicó {0} aquí</translation>
    </message>
    <message>
        <source>Also coded here (underlined): {0}</source>
        <translation>También codificado aquí (subrayado): {0}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>By code</source>
        <extracomment>A code (and document, or -1) was chosen to review its disagreements. The user asked to export the report.</extracomment>
        <translation>Por código</translation>
    </message>
    <message>
        <source>Code × document</source>
        <translation>Código × documento</translation>
    </message>
    <message>
        <source>Coder pairs</source>
        <translation>Pares de codificadores</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the methods sentence</source>
        <translation>Copiar la frase para la sección de métodos</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Save the per-code table as CSV, with the methods in a text file beside it</source>
        <translation>Guardar la tabla por código como CSV, con la metodología en un archivo de texto al lado</translation>
    </message>
    <message>
        <source>Export Word…</source>
        <translation>Exportar a Word…</translation>
    </message>
    <message>
        <source>Save the methods sentence and the per-code table as a Word document</source>
        <translation>Guardar la frase de métodos y la tabla por código en un documento de Word</translation>
    </message>
    <message>
        <source>Choose two or more coders and a unit, then press Compute to see how far they agree, code by code.</source>
        <translation>Elija dos o más codificadores y una unidad, y luego presione Calcular para ver cuánto coinciden, código por código.</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa per code and document, at the character level, for {0} and {1}. Codes neither applied are left out; blank cells: neither applied the code in that document. Click a cell to review its disagreements.</source>
        <translation>Kappa de Cohen por código y documento, en el nivel de carácter, para {0} y {1}. Se omiten los códigos que ninguno aplicó; celdas en blanco: ninguno aplicó el código en ese documento. Haga clic en una celda para revisar sus desacuerdos.</translation>
    </message>
</context>
<context>
    <name>DeleteCodeDialog</name>
    <message>
        <source>{0} child code</source>
        <extracomment>Counted nouns, singular and plural (translated where they are shown).</extracomment>
        <translation>{0} subcódigo</translation>
    </message>
    <message>
        <source>{0} child codes</source>
        <translation>{0} subcódigos</translation>
    </message>
    <message>
        <source>{0} coded segment</source>
        <translation>{0} segmento codificado</translation>
    </message>
    <message>
        <source>{0} coded segments</source>
        <translation>{0} segmentos codificados</translation>
    </message>
    <message>
        <source>{0} segment</source>
        <translation>{0} segmento</translation>
    </message>
    <message>
        <source>{0} segments</source>
        <translation>{0} segmentos</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Eliminar código</translation>
    </message>
    <message>
        <source>Delete “{0}” and its {1}?</source>
        <translation>¿Eliminar «{0}» y sus {1}?</translation>
    </message>
    <message>
        <source>Delete “{0}”?</source>
        <translation>¿Eliminar «{0}»?</translation>
    </message>
    <message>
        <source>{0} will be affected.</source>
        <translation>Esto afecta a {0}.</translation>
    </message>
    <message>
        <source>Delete them, or move them to the parent code “{0}”?</source>
        <translation>¿Eliminarlos o moverlos al código padre «{0}»?</translation>
    </message>
    <message>
        <source>No passage is coded with it.</source>
        <translation>Ningún fragmento está codificado con él.</translation>
    </message>
    <message>
        <source>You can undo this with Edit &gt; Undo (Ctrl+Z).</source>
        <translation>Puede deshacerlo con Edición &gt; Deshacer (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Delete code and segments</source>
        <translation>Eliminar código y segmentos</translation>
    </message>
    <message>
        <source>Move segments to parent</source>
        <translation>Mover segmentos al código padre</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <source>Coded differently ({0}: {1})</source>
        <translation>Codificado de otra forma ({0}: {1})</translation>
    </message>
    <message>
        <source>Only {0}</source>
        <translation>Solo {0}</translation>
    </message>
    <message>
        <source>Boundaries differ</source>
        <translation>Límites distintos</translation>
    </message>
    <message>
        <source>✓ {0}</source>
        <translation>✓ {0}</translation>
    </message>
    <message>
        <source>✓ Both</source>
        <translation>✓ Ambas</translation>
    </message>
    <message>
        <source>✓ Neither</source>
        <translation>✓ Ninguna</translation>
    </message>
    <message>
        <source>✓ Edited</source>
        <translation>✓ Editada</translation>
    </message>
    <message>
        <source>(not coded)</source>
        <translation>(sin codificar)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Disagreement</source>
        <translation>Desacuerdo</translation>
    </message>
    <message>
        <source>{0}&apos;s version</source>
        <translation>Versión de {0}</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Document</source>
        <extracomment>Attribute roles shown as columns, after name, source type, length and segments.</extracomment>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Source type</source>
        <translation>Tipo de fuente</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Caracteres</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Filter documents</source>
        <translation>Filtrar documentos</translation>
    </message>
    <message>
        <source>No transcripts yet.

Drop files here or use File &gt; Import transcripts.</source>
        <translation>Aún no hay transcripciones.

Arrastre archivos aquí o use Archivo &gt; Importar transcripciones.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Report appendix</source>
        <extracomment>Charts for the Word appendix: a language -&gt; ``(caption, PNG bytes)`` pairs. The files were written (an :class:`ExportOutcome`).</extracomment>
        <translation>Anexo del informe</translation>
    </message>
    <message>
        <source>{0} appendix</source>
        <translation>Anexo {0}</translation>
    </message>
    <message>
        <source>Word appendix (.docx)</source>
        <translation>Anexo en Word (.docx)</translation>
    </message>
    <message>
        <source>CSV files (a folder)</source>
        <translation>Archivos CSV (una carpeta)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Libro de Excel (.xlsx)</translation>
    </message>
    <message>
        <source>ROWS:COLUMNS[:OPTION], such as themes:state</source>
        <translation>FILAS:COLUMNAS[:OPCIÓN], por ejemplo themes:state</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Include the charts of the matrix view as figures</source>
        <translation>Incluir las gráficas de la vista de matriz como figuras</translation>
    </message>
    <message>
        <source>Include the agreement table computed in the Agreement tab</source>
        <translation>Incluir la tabla de acuerdo calculada en la pestaña Acuerdo</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Matrices:</source>
        <translation>Matrices:</translation>
    </message>
    <message>
        <source>Quotes per code:</source>
        <translation>Citas por código:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>Codificador/a:</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Todo el equipo</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consenso</translation>
    </message>
    <message>
        <source>Folder for the CSV files</source>
        <translation>Carpeta para los archivos CSV</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documentos de Word (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>Choose at least one file to write.</source>
        <translation>Elija al menos un archivo para escribir.</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>Dibujando las gráficas…</translation>
    </message>
    <message>
        <source>Reading the project</source>
        <translation>Leyendo el proyecto</translation>
    </message>
    <message>
        <source>Writing the Word appendix</source>
        <translation>Escribiendo el anexo en Word</translation>
    </message>
    <message>
        <source>Writing the CSV files</source>
        <translation>Escribiendo los archivos CSV</translation>
    </message>
    <message>
        <source>Writing the Excel workbook</source>
        <translation>Escribiendo el libro de Excel</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Stopping after the file being written…</source>
        <translation>Se detendrá al terminar el archivo en curso…</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Se detuvo antes de terminar.</translation>
    </message>
    <message>
        <source>Word: {0} ({1} tables, {2} figures, {3} quotes)</source>
        <translation>Word: {0} ({1} tablas, {2} figuras, {3} citas)</translation>
    </message>
    <message>
        <source>CSV: {0} files in {1}</source>
        <translation>CSV: {0} archivos en {1}</translation>
    </message>
    <message>
        <source>Excel: {0} ({1} sheets)</source>
        <translation>Excel: {0} ({1} hojas)</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>No se escribió nada.</translation>
    </message>
</context>
<context>
    <name>HeatmapModel</name>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>Kappa undefined: {0}</source>
        <translation>Kappa no definido: {0}</translation>
    </message>
    <message>
        <source>Kappa {0:.2f}, agreement {1:.1f}%</source>
        <translation>Kappa {0:.2f}, acuerdo {1:.1f}%</translation>
    </message>
    <message>
        <source>Characters: both {0}, only {1} {2}, only {3} {4}</source>
        <translation>Caracteres: ambos {0}, solo {1} {2}, solo {3} {4}</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Who is coding?</source>
        <translation>¿Quién codifica?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Color…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>Iniciales</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Your segments carry your name. Pick yourself from the list, or type a new name.</source>
        <translation>Sus segmentos llevan su nombre. Elíjase en la lista o escriba un nombre nuevo.</translation>
    </message>
    <message>
        <source>Your colour</source>
        <translation>Su color</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import transcripts</source>
        <translation>Importar transcripciones</translation>
    </message>
    <message>
        <source>Transcripts ({0})</source>
        <translation>Transcripciones ({0})</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was stored.</source>
        <translation>Importación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>La importación falló</translation>
    </message>
    <message>
        <source>{0} imported, {1} duplicates, {2} failed.</source>
        <translation>Importados: {0}; duplicados: {1}; con errores: {2}.</translation>
    </message>
    <message>
        <source>• {0}: same content as “{1}”, not imported again</source>
        <translation>• {0}: mismo contenido que «{1}», no se importó de nuevo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Coding Workbench</source>
        <translation>Coding Workbench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Codificar</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>E&amp;quipo</translation>
    </message>
    <message>
        <source>&amp;Analyse</source>
        <translation>A&amp;nálisis</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Abrir proyecto…</translation>
    </message>
    <message>
        <source>Open &amp;server project…</source>
        <translation>Abrir proyecto en se&amp;rvidor…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>Abrir el proyecto de &amp;demostración</translation>
    </message>
    <message>
        <source>&amp;Import transcripts…</source>
        <translation>&amp;Importar transcripciones…</translation>
    </message>
    <message>
        <source>Import code&amp;book (CSV)…</source>
        <translation>Importar &amp;libro de códigos (CSV)…</translation>
    </message>
    <message>
        <source>Import &amp;codings (CSV)…</source>
        <translation>Importar c&amp;odificaciones (CSV)…</translation>
    </message>
    <message>
        <source>Import a REFI-QDA project or codebook (.qdpx, .qdc)…</source>
        <translation>Importar un proyecto o libro de códigos REFI-QDA (.qdpx, .qdc)…</translation>
    </message>
    <message>
        <source>Export codings (CSV)…</source>
        <translation>Exportar codificaciones (CSV)…</translation>
    </message>
    <message>
        <source>Export codebook (CSV)…</source>
        <translation>Exportar libro de códigos (CSV)…</translation>
    </message>
    <message>
        <source>Export for NVivo, ATLAS.ti, MAXQDA (.qdpx)…</source>
        <translation>Exportar para NVivo, ATLAS.ti, MAXQDA (.qdpx)…</translation>
    </message>
    <message>
        <source>Export codebook for other tools (.qdc)…</source>
        <translation>Exportar libro de códigos para otras herramientas (.qdc)…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Cerrar proyecto</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Find in all documents</source>
        <translation>&amp;Buscar en todos los documentos</translation>
    </message>
    <message>
        <source>&amp;Quick code…</source>
        <translation>&amp;Codificar rápido…</translation>
    </message>
    <message>
        <source>Code in &amp;vivo</source>
        <translation>Codificar in &amp;vivo</translation>
    </message>
    <message>
        <source>Code with a &amp;recent code</source>
        <translation>Codificar con un código &amp;reciente</translation>
    </message>
    <message>
        <source>Recent code {0}</source>
        <translation>Código reciente {0}</translation>
    </message>
    <message>
        <source>&amp;Switch coder…</source>
        <translation>&amp;Cambiar de codificador/a…</translation>
    </message>
    <message>
        <source>Show &amp;other coders&apos; codings</source>
        <translation>Mostrar las codificaciones del &amp;resto del equipo</translation>
    </message>
    <message>
        <source>Make an assignment &amp;file…</source>
        <translation>Crear un &amp;archivo de asignación…</translation>
    </message>
    <message>
        <source>&amp;Merge returned files…</source>
        <translation>&amp;Fusionar archivos devueltos…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>Registro de a&amp;uditoría…</translation>
    </message>
    <message>
        <source>Ser&amp;ver…</source>
        <translation>Ser&amp;vidor…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>Copias de &amp;seguridad…</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>&amp;Acuerdo entre codificadores…</translation>
    </message>
    <message>
        <source>&amp;Matrix…</source>
        <translation>&amp;Matriz…</translation>
    </message>
    <message>
        <source>&amp;Charts…</source>
        <translation>&amp;Gráficas…</translation>
    </message>
    <message>
        <source>&amp;Report appendix (Word, CSV, Excel)…</source>
        <translation>&amp;Anexo del informe (Word, CSV, Excel)…</translation>
    </message>
    <message>
        <source>&amp;Welcome screen…</source>
        <translation>Pantalla de &amp;bienvenida…</translation>
    </message>
    <message>
        <source>&amp;About Coding Workbench</source>
        <translation>&amp;Acerca de Coding Workbench</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>&amp;Idioma de la interfaz</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>No se puede abrir el proyecto</translation>
    </message>
    <message>
        <source>The project was updated from an older version; a backup is at {0}</source>
        <translation>El proyecto se actualizó desde una versión anterior; hay una copia de seguridad en {0}</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>No se puede crear el proyecto</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No se pudo realizar</translation>
    </message>
    <message>
        <source>Changes by others cannot be read: {0}</source>
        <translation>No se pueden leer los cambios del resto del equipo: {0}</translation>
    </message>
    <message>
        <source>{0} — Coding Workbench</source>
        <translation>{0} — Coding Workbench</translation>
    </message>
    <message>
        <source>coder: {0} ({1})</source>
        <translation>codificador/a: {0} ({1})</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Import a codebook</source>
        <translation>Importar un libro de códigos</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import codebook</source>
        <translation>Importar libro de códigos</translation>
    </message>
    <message>
        <source>Codebook not imported</source>
        <translation>No se importó el libro de códigos</translation>
    </message>
    <message>
        <source>{0} codes created, {1} updated</source>
        <translation>Códigos creados: {0}; actualizados: {1}</translation>
    </message>
    <message>
        <source>Import codings</source>
        <translation>Importar codificaciones</translation>
    </message>
    <message>
        <source>Codings not imported</source>
        <translation>No se importaron las codificaciones</translation>
    </message>
    <message>
        <source>{0} segments added, {1} already present, {2} refused.</source>
        <translation>Segmentos agregados: {0}; ya existentes: {1}; rechazados: {2}.</translation>
    </message>
    <message>
        <source>Line {0}: {1}</source>
        <translation>Línea {0}: {1}</translation>
    </message>
    <message>
        <source>New codes: {0}</source>
        <translation>Códigos nuevos: {0}</translation>
    </message>
    <message>
        <source>Codings imported</source>
        <translation>Codificaciones importadas</translation>
    </message>
    <message>
        <source>Export codings</source>
        <translation>Exportar codificaciones</translation>
    </message>
    <message>
        <source>{0} segments written to {1}</source>
        <translation>Segmentos escritos en {1}: {0}</translation>
    </message>
    <message>
        <source>Export codebook</source>
        <translation>Exportar libro de códigos</translation>
    </message>
    <message>
        <source>{0} codes written to {1}</source>
        <translation>Códigos escritos en {1}: {0}</translation>
    </message>
    <message>
        <source>Import a REFI-QDA file</source>
        <translation>Importar un archivo REFI-QDA</translation>
    </message>
    <message>
        <source>REFI-QDA files (*.qdpx *.qdc *.qde)</source>
        <translation>Archivos REFI-QDA (*.qdpx *.qdc *.qde)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>No se importó</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importación completada</translation>
    </message>
    <message>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation>Proyecto REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>Libro de códigos REFI-QDA (*.qdc)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>No se exportó</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportación completada</translation>
    </message>
    <message>
        <source>Switch coder</source>
        <translation>Cambiar de codificador/a</translation>
    </message>
    <message>
        <source>On this server your sign-in decides who codes; sign in as the other coder.</source>
        <translation>En este servidor, su inicio de sesión determina quién codifica; inicie sesión como el otro codificador/a.</translation>
    </message>
    <message>
        <source>Backup not restored</source>
        <translation>No se restauró la copia de seguridad</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>El nuevo idioma se usará a partir del próximo inicio.</translation>
    </message>
</context>
<context>
    <name>MatrixPanel</name>
    <message>
        <source>Overlapping passages</source>
        <extracomment>Changes after which the corpus is read again. The segments behind a double-clicked cell, with a title such as &quot;1a × SC2&quot;. A new matrix is shown (or the view was cleared after an error). The corpus was read again (the choices were refilled). Projects with fewer segments than this get their matrices on the GUI thread. Gives the agreement result last computed (set by the workspace), for the appendix.</extracomment>
        <translation>Fragmentos superpuestos</translation>
    </message>
    <message>
        <source>Same paragraph</source>
        <translation>Mismo párrafo</translation>
    </message>
    <message>
        <source>Same document</source>
        <translation>Mismo documento</translation>
    </message>
    <message>
        <source>Copy as table</source>
        <translation>Copiar como tabla</translation>
    </message>
    <message>
        <source>Copy the table, tab-separated, to the clipboard</source>
        <translation>Copiar la tabla al portapapeles, separada por tabulaciones</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Charts…</source>
        <translation>Gráficas…</translation>
    </message>
    <message>
        <source>The matrix is computed when this tab is first shown.</source>
        <translation>La matriz se calcula la primera vez que se muestra esta pestaña.</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Filas:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Columnas:</translation>
    </message>
    <message>
        <source>Cells:</source>
        <translation>Celdas:</translation>
    </message>
    <message>
        <source>Co-occurring in:</source>
        <translation>Coocurrencia en:</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>Codificador/a:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Documentos:</translation>
    </message>
    <message>
        <source>Reading the project…</source>
        <translation>Leyendo el proyecto…</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Todos los códigos</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codificadores</translation>
    </message>
    <message>
        <source>Co-occurring codes: {0}</source>
        <translation>Códigos coocurrentes: {0}</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Todo el equipo</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>Consenso</translation>
    </message>
    <message>
        <source>There is no coder named Consensus yet</source>
        <translation>Aún no hay un codificador/a llamado Consenso</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Todos los documentos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <source>Characters coded</source>
        <translation>Caracteres codificados</translation>
    </message>
    <message>
        <source>Share of documents</source>
        <translation>Proporción de documentos</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <source>{0} × {1}, computed in {2} ms</source>
        <translation>{0} × {1}, calculada en {2} ms</translation>
    </message>
    <message>
        <source>No passage is counted in this cell.</source>
        <translation>Esta celda no cuenta ningún fragmento.</translation>
    </message>
    <message>
        <source>Table copied</source>
        <translation>Tabla copiada</translation>
    </message>
    <message>
        <source>Export the matrix</source>
        <translation>Exportar la matriz</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Written to {0}</source>
        <translation>Guardada en {0}</translation>
    </message>
</context>
<context>
    <name>MemosPanel</name>
    <message>
        <source>New memo</source>
        <translation>Nuevo memo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Write here; the memo is saved as you type.</source>
        <translation>Escriba aquí; el memo se guarda mientras escribe.</translation>
    </message>
    <message>
        <source>Memos on</source>
        <translation>Memos sobre</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>el proyecto</translation>
    </message>
    <message>
        <source>document: {0}</source>
        <translation>documento: {0}</translation>
    </message>
    <message>
        <source>code: {0}</source>
        <translation>código: {0}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Last changed {0}</source>
        <translation>Último cambio: {0}</translation>
    </message>
    <message>
        <source>No memo here yet: New memo starts one.</source>
        <translation>Aún no hay memos aquí: «Nuevo memo» crea uno.</translation>
    </message>
</context>
<context>
    <name>MergeCodeDialog</name>
    <message>
        <source>Merge code</source>
        <translation>Fusionar código</translation>
    </message>
    <message>
        <source>Merge “{0}” into the code you choose: its {1} and its child codes move there, and “{2}” is deleted. You can undo this.</source>
        <translation>Fusionar «{0}» con el código que elija: sus {1} y sus subcódigos pasan a ese código, y «{2}» se elimina. Puede deshacerlo.</translation>
    </message>
    <message>
        <source>Filter: label or part of a name</source>
        <translation>Filtro: etiqueta o parte de un nombre</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge returned files</source>
        <extracomment>A message for the status bar once the merge is applied.</extracomment>
        <translation>Fusionar archivos devueltos</translation>
    </message>
    <message>
        <source>Add returned files…</source>
        <translation>Agregar archivos devueltos…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Apply the merge</source>
        <translation>Aplicar la fusión</translation>
    </message>
    <message>
        <source>Returned files, merged in this order:</source>
        <translation>Archivos devueltos, fusionados en este orden:</translation>
    </message>
    <message>
        <source>What the merge will do:</source>
        <translation>Lo que hará la fusión:</translation>
    </message>
    <message>
        <source>Codes the coders added or changed (checked ones are taken):</source>
        <translation>Códigos que el equipo agregó o cambió (se usan los marcados):</translation>
    </message>
    <message>
        <source>Returned assignment files</source>
        <translation>Archivos de asignación devueltos</translation>
    </message>
    <message>
        <source>Projects (*.qdb)</source>
        <translation>Proyectos (*.qdb)</translation>
    </message>
    <message>
        <source>Add the files the coders sent back.</source>
        <translation>Agregue los archivos que devolvió el equipo.</translation>
    </message>
    <message>
        <source>The master has all of this already.</source>
        <translation>El proyecto principal ya tiene todo esto.</translation>
    </message>
    <message>
        <source>Merged: {0} segments added, {1} updated, {2} deleted. {3}</source>
        <translation>Fusión completada: {0} segmentos agregados, {1} actualizados, {2} eliminados. {3}</translation>
    </message>
</context>
<context>
    <name>MergePreviewModel</name>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>added</source>
        <translation>agregado</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>actualizado</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>{0} added, {1} updated, {2} deleted, {3} unchanged</source>
        <translation>{0} agregados, {1} actualizados, {2} eliminados, {3} sin cambios</translation>
    </message>
    <message>
        <source>Refused documents</source>
        <translation>Documentos rechazados</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Kept aside (written to a CSV file beside the returned file)</source>
        <translation>Apartados (escritos en un archivo CSV junto al archivo devuelto)</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>Where to save the project file (.qdb)</source>
        <translation>Ubicación del proyecto (.qdb)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Start from the USMCA evaluation codebook</source>
        <translation>Partir del libro de códigos de la evaluación del T-MEC</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Codebook language</source>
        <translation>Idioma del libro de códigos</translation>
    </message>
    <message>
        <source>Projects (*.qdb)</source>
        <translation>Proyectos (*.qdb)</translation>
    </message>
</context>
<context>
    <name>PairwiseModel</name>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>{0} and {1}: kappa {2}</source>
        <translation>{0} y {1}: kappa {2}</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>new code</source>
        <translation>código nuevo</translation>
    </message>
    <message>
        <source>deleted in the master since</source>
        <translation>eliminado desde entonces en el proyecto principal</translation>
    </message>
    <message>
        <source>changed: {0}</source>
        <translation>cambios: {0}</translation>
    </message>
    <message>
        <source>Code (accept?)</source>
        <translation>Código (¿usar?)</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>QuickCodePalette</name>
    <message>
        <source>Code the selection</source>
        <translation>Codificar la selección</translation>
    </message>
    <message>
        <source>Type a label (1b) or part of a name</source>
        <translation>Escriba una etiqueta (1b) o parte de un nombre</translation>
    </message>
    <message>
        <source>Enter: code with the highlighted match   ↑ ↓: choose   Esc: cancel</source>
        <translation>Enter: codificar con el código resaltado   ↑ ↓: elegir   Esc: cancelar</translation>
    </message>
</context>
<context>
    <name>RetrievalModel</name>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codificador/a</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>RetrievalPanel</name>
    <message>
        <source>Select codes in the codebook to see their passages.</source>
        <translation>Seleccione códigos en el libro de códigos para ver sus fragmentos.</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>Codificador/a:</translation>
    </message>
    <message>
        <source>Attribute:</source>
        <translation>Atributo:</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Todo el equipo</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>{0} passages in {1} documents</source>
        <translation>Fragmentos: {0} · Documentos: {1}</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Copy every passage where both coders applied a code identically</source>
        <extracomment>Show a passage in the transcript: document id, start, end. A decision was taken (its passage key), after the command ran.</extracomment>
        <translation>Copiar todos los fragmentos en los que ambos codificadores aplicaron un código de forma idéntica</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>with</source>
        <translation>con</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Código:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Documento:</translation>
    </message>
    <message>
        <source>Reason (kept as the memo of the consensus coding)</source>
        <translation>Motivo (se guarda como memo de la codificación de consenso)</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambas</translation>
    </message>
    <message>
        <source>Code the union of both versions</source>
        <translation>Codificar la unión de ambas versiones</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Leave the passage uncoded; the reason goes to a memo</source>
        <translation>Dejar el fragmento sin codificar; el motivo se guarda en un memo</translation>
    </message>
    <message>
        <source>Use selection</source>
        <translation>Usar la selección</translation>
    </message>
    <message>
        <source>Take the boundaries from the text selected in either version</source>
        <translation>Tomar los límites del texto seleccionado en cualquiera de las dos versiones</translation>
    </message>
    <message>
        <source>Code these boundaries</source>
        <translation>Codificar estos límites</translation>
    </message>
    <message>
        <source>Edit boundaries:</source>
        <translation>Editar límites:</translation>
    </message>
    <message>
        <source>Accept {0}</source>
        <translation>Aceptar {0}</translation>
    </message>
    <message>
        <source>Code the passage as {0} did</source>
        <translation>Codificar el fragmento como lo hizo {0}</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Todos los códigos</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Todos los documentos</translation>
    </message>
    <message>
        <source>The two coders agree here: there is nothing to decide.</source>
        <translation>Aquí ambos codificadores coinciden: no hay nada que decidir.</translation>
    </message>
    <message>
        <source>Copy agreed passages to consensus</source>
        <translation>Copiar los fragmentos acordados al consenso</translation>
    </message>
    <message>
        <source>{0} of {1} resolved</source>
        <translation>{0} de {1} resueltos</translation>
    </message>
    <message>
        <source>Copy {0} agreed passages to consensus</source>
        <translation>Copiar {0} fragmentos acordados al consenso</translation>
    </message>
    <message>
        <source>Agreed passages are in the consensus</source>
        <translation>Los fragmentos acordados ya están en el consenso</translation>
    </message>
    <message>
        <source>Not decided yet.</source>
        <translation>Aún sin decidir.</translation>
    </message>
    <message>
        <source>uncoded</source>
        <translation>sin codificar</translation>
    </message>
    <message>
        <source>Decided: {0} ({1}). Deciding again replaces it.</source>
        <translation>Decidido: {0} ({1}). Si decide de nuevo, se reemplaza.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>El final debe estar después del inicio.</translation>
    </message>
    <message>
        <source>Select the passage in either version first.</source>
        <translation>Primero seleccione el fragmento en cualquiera de las dos versiones.</translation>
    </message>
</context>
<context>
    <name>RolesModel</name>
    <message>
        <source>Coder</source>
        <translation>Codificador/a</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>Iniciales</translation>
    </message>
    <message>
        <source>Role in the team</source>
        <translation>Rol en el equipo</translation>
    </message>
    <message>
        <source>Server role</source>
        <translation>Rol en el servidor</translation>
    </message>
    <message>
        <source>Signs in</source>
        <translation>Inicia sesión</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>coordinador/a</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>codificador/a</translation>
    </message>
    <message>
        <source>role missing on the server</source>
        <translation>el rol no existe en el servidor</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>not yet (no password)</source>
        <translation>aún no (sin contraseña)</translation>
    </message>
</context>
<context>
    <name>RollingBackups</name>
    <message>
        <source>The project could not be backed up: {0}</source>
        <extracomment>The setting that holds the minutes between backups (0: only when a project opens). Minutes between backups unless the setting says otherwise. The role that gives a row&apos;s :class:`~workbench.backups.BackupInfo`.</extracomment>
        <translation>No se pudo hacer la copia de seguridad del proyecto: {0}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: words, prefix*, &quot;a phrase&quot;</source>
        <extracomment>Asks the user for a code; returns its id or None.</extracomment>
        <translation>Buscar: palabras, prefijo*, &quot;una frase&quot;</translation>
    </message>
    <message>
        <source>any term</source>
        <translation>cualquier término</translation>
    </message>
    <message>
        <source>all terms in a document</source>
        <translation>todos los términos en un documento</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>the hits</source>
        <translation>los resultados</translation>
    </message>
    <message>
        <source>their paragraphs</source>
        <translation>sus párrafos</translation>
    </message>
    <message>
        <source>Code all hits…</source>
        <translation>Codificar todos…</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codificar</translation>
    </message>
    <message>
        <source>{0} hits in {1} documents</source>
        <translation>Resultados: {0} · Documentos: {1}</translation>
    </message>
    <message>
        <source>Every hit is coded with that code already.</source>
        <translation>Todos los resultados ya están codificados con ese código.</translation>
    </message>
    <message>
        <source>Coded {0} passages. Edit &gt; Undo takes them back.</source>
        <translation>Fragmentos codificados: {0}. Edición &gt; Deshacer los revierte.</translation>
    </message>
</context>
<context>
    <name>SegmentMemoDialog</name>
    <message>
        <source>Segment memo</source>
        <translation>Memo del segmento</translation>
    </message>
    <message>
        <source>Why this passage, doubts, links to other passages…</source>
        <translation>Por qué este fragmento, dudas, vínculos con otros fragmentos…</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Team server</source>
        <translation>Servidor del equipo</translation>
    </message>
    <message>
        <source>Blind coding: each coder sees only their own segments</source>
        <translation>Codificación a ciegas: cada codificador/a ve solo sus propios segmentos</translation>
    </message>
    <message>
        <source>This project is a file on this computer. To code it as a team on a PostgreSQL server, copy it there:
workbench copy {0} postgresql+psycopg://owner@server/study
then give each coder a role with: workbench server setup URL --coder NAME=ROLE ... --lead NAME=ROLE</source>
        <translation>Este proyecto es un archivo en esta computadora. Para codificarlo en equipo en un servidor PostgreSQL, cópielo ahí:
workbench copy {0} postgresql+psycopg://owner@server/study
luego dé un rol a cada codificador/a con: workbench server setup URL --coder NAME=ROLE ... --lead NAME=ROLE</translation>
    </message>
    <message>
        <source>In a file the blind only decides what assignments hand out.</source>
        <translation>En un archivo, la codificación a ciegas solo decide qué se entrega en los archivos de asignación.</translation>
    </message>
    <message>
        <source>{0}, signed in as {1}</source>
        <translation>{0}, con sesión iniciada como {1}</translation>
    </message>
    <message>
        <source>signed in as {0} (no coder of this project)</source>
        <translation>sesión iniciada como {0} (no es codificador/a de este proyecto)</translation>
    </message>
    <message>
        <source>Project on {0}</source>
        <translation>Proyecto en {0}</translation>
    </message>
    <message>
        <source>The server does not enforce roles yet: the owner runs workbench server setup.</source>
        <translation>El servidor aún no aplica los roles: quien es propietario del proyecto debe ejecutar workbench server setup.</translation>
    </message>
    <message>
        <source>You see every coder&apos;s segments.</source>
        <translation>Usted ve los segmentos de todo el equipo.</translation>
    </message>
    <message>
        <source>You see only your own segments.</source>
        <translation>Usted ve solo sus propios segmentos.</translation>
    </message>
    <message>
        <source>Only a lead or the project&apos;s owner can turn the blind on or off.</source>
        <translation>Solo un coordinador/a o quien es propietario del proyecto puede activar o desactivar la codificación a ciegas.</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Coding Workbench</source>
        <translation>Coding Workbench</translation>
    </message>
    <message>
        <source>Code interview and focus-group transcripts, check agreement, export appendices.</source>
        <translation>Codificar transcripciones de entrevistas y grupos focales, revisar el acuerdo entre codificadores, exportar anexos.</translation>
    </message>
    <message>
        <source>Projects you open will be listed here.</source>
        <translation>Aquí aparecerán los proyectos que abra.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Nuevo proyecto…</translation>
    </message>
    <message>
        <source>Open a project file…</source>
        <translation>Abrir un archivo de proyecto…</translation>
    </message>
    <message>
        <source>Open a server project…</source>
        <translation>Abrir un proyecto en servidor…</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>Abrir el proyecto de demostración</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Proyectos recientes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Abrir un proyecto</translation>
    </message>
    <message>
        <source>Projects (*.qdb)</source>
        <translation>Proyectos (*.qdb)</translation>
    </message>
    <message>
        <source>Open a server project</source>
        <translation>Abrir un proyecto en servidor</translation>
    </message>
    <message>
        <source>Database URL, for example postgresql+psycopg://ana@server/evaluation:</source>
        <translation>URL de la base de datos, por ejemplo postgresql+psycopg://ana@servidor/evaluacion:</translation>
    </message>
</context>
<context>
    <name>StatisticChart</name>
    <message>
        <source>{0} per code; dashed lines at 0.67 and 0.80.</source>
        <extracomment>Krippendorff&apos;s lowest value for tentative conclusions, drawn beside the 0.8 line. A bar was clicked: the code&apos;s id.</extracomment>
        <translation>{0} por código; líneas punteadas en 0.67 y 0.80.</translation>
    </message>
    <message>
        <source>{0} codes where it is undefined have no bar.</source>
        <translation>Los {0} códigos sin valor definido no tienen barra.</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>code {0}</source>
        <translation>código {0}</translation>
    </message>
    <message>
        <source>coder {0}</source>
        <translation>codificador/a {0}</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Choose a document on the left, or import transcripts with File &gt; Import</source>
        <translation>Elija un documento a la izquierda o importe transcripciones con Archivo &gt; Importar transcripciones</translation>
    </message>
    <message>
        <source>Code selection…</source>
        <extracomment>The selected text changed: (start, end) in code points, (-1, -1) when none. A segment was selected (clicked in the text or its stripe); -1 when none is. The user asked to pick a code for the selected text (the quick-code palette). The user asked to give a segment another code.</extracomment>
        <translation>Codificar selección…</translation>
    </message>
    <message>
        <source>Code in vivo</source>
        <translation>Codificar in vivo</translation>
    </message>
    <message>
        <source>Change code…</source>
        <translation>Cambiar código…</translation>
    </message>
    <message>
        <source>Edit memo…</source>
        <translation>Editar memo…</translation>
    </message>
    <message>
        <source>Resize to selection</source>
        <translation>Ajustar a la selección</translation>
    </message>
    <message>
        <source>Remove segment</source>
        <translation>Quitar segmento</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Coding Workbench</source>
        <extracomment>What the user asked for on leaving the welcome screen.</extracomment>
        <translation>Le damos la bienvenida a Coding Workbench</translation>
    </message>
    <message>
        <source>Code interview and focus-group transcripts, compare coders and export tables for your report. Two questions first; you can change both later.</source>
        <translation>Codifique transcripciones de entrevistas y grupos focales, compare codificadores y exporte tablas para su informe. Primero, dos preguntas; puede cambiar ambas respuestas más adelante.</translation>
    </message>
    <message>
        <source>Language of the program</source>
        <translation>Idioma del programa</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>The program uses this language from now on.</source>
        <translation>El programa usará este idioma a partir de ahora.</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>El nuevo idioma se usará a partir del próximo inicio.</translation>
    </message>
    <message>
        <source>Who is coding on this computer?</source>
        <translation>¿Quién codifica en esta computadora?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Shown beside your codings</source>
        <translation>Se muestran junto a sus codificaciones</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Initials</source>
        <translation>&amp;Iniciales</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>&amp;Color</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Every passage you code carries your name. Projects ask again the first time you open them, with this filled in (Team &gt; Switch coder changes it).</source>
        <translation>Cada fragmento que codifique lleva su nombre. Cada proyecto se lo vuelve a preguntar la primera vez que lo abra, con estos datos ya llenados (puede cambiarlos con Equipo &gt; Cambiar de codificador/a).</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>Abrir el proyecto de demostración</translation>
    </message>
    <message>
        <source>New project from the evaluation codebook…</source>
        <translation>Nuevo proyecto con el libro de códigos de la evaluación…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Comenzar</translation>
    </message>
    <message>
        <source>Your colour</source>
        <translation>Su color</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Retrieval</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Atributos</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matriz</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Libro de códigos</translation>
    </message>
    <message>
        <source>Retrieval, search, memos</source>
        <translation>Recuperación, búsqueda, memos</translation>
    </message>
    <message>
        <source>Select a passage in the transcript first.</source>
        <translation>Primero seleccione un fragmento en la transcripción.</translation>
    </message>
    <message>
        <source>No code has been used {0} times back yet.</source>
        <translation>Aún no hay {0} códigos usados recientemente.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Coding Workbench</source>
        <translation>Coding Workbench</translation>
    </message>
    <message>
        <source>Something went wrong. Your project is safe: every change you made before this was saved. The report below is also in the log at {0}.</source>
        <translation>Algo salió mal. Su proyecto está a salvo: todos los cambios que hizo antes de esto se guardaron. El informe de abajo también está en el registro, en {0}.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copiar informe</translation>
    </message>
</context>
</TS>
